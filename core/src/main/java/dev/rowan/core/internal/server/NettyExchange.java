package dev.rowan.core.internal.server;

import dev.rowan.core.Headers;
import dev.rowan.core.spi.ServerExchange;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;

/** One request on a Netty connection, handled on a virtual thread. */
final class NettyExchange implements ServerExchange {
    // Rowan validates header names and values when they are set, so Netty need not do it again.
    private static final DefaultHttpHeadersFactory RESPONSE_HEADERS = DefaultHttpHeadersFactory.headersFactory().withValidation(false);

    private final ConnectionHandler connection;
    private final HttpRequest request;
    private final BodyPipe body;
    private final long contentLength;
    private final boolean head;
    private boolean close;
    private NettyHeaders headers;

    NettyExchange(ConnectionHandler connection, HttpRequest request, BodyPipe body, long contentLength, boolean keepAlive) {
        this.connection = connection;
        this.request = request;
        this.body = body;
        this.contentLength = contentLength;
        this.head = "HEAD".equals(request.method().name());
        this.close = !keepAlive;
    }

    HttpRequest request() {
        return request;
    }

    BodyPipe pipe() {
        return body;
    }

    @Override
    public String method() {
        return request.method().name();
    }

    @Override
    public String target() {
        return request.uri();
    }

    @Override
    public Headers headers() {
        if (headers == null) {
            headers = new NettyHeaders(request.headers());
        }
        return headers;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return (InetSocketAddress) connection.channel().remoteAddress();
    }

    @Override
    public boolean isSecure() {
        return false;
    }

    @Override
    public long contentLength() {
        return contentLength;
    }

    @Override
    public InputStream body() {
        return body == null ? InputStream.nullInputStream() : body;
    }

    @Override
    public void closeAfterResponse() {
        close = true;
    }

    private boolean decideClose() {
        // A body the handler left half-received would be read as the next request: close instead.
        if (body != null && !body.isComplete()) {
            close = true;
        }
        if (connection.shuttingDown()) {
            close = true;
        }
        return close;
    }

    @Override
    public void send(int status, ResponseHead head, byte[] bytes) throws IOException {
        boolean noBody = status == 204 || status == 304 || status < 200;
        var response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status),
                noBody || this.head || bytes.length == 0 ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(bytes),
                RESPONSE_HEADERS, RESPONSE_HEADERS);
        HttpHeaders h = response.headers();
        copy(head, h);
        if (!noBody) {
            h.set(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        }
        write(response, h, true);
    }

    @Override
    public OutputStream startStreaming(int status, ResponseHead head, long length) throws IOException {
        var response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status), RESPONSE_HEADERS);
        HttpHeaders h = response.headers();
        copy(head, h);
        if (length >= 0) {
            h.set(HttpHeaderNames.CONTENT_LENGTH, length);
        } else if (!this.head) {
            h.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        }
        if (this.head) {
            write(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, response.status(), Unpooled.EMPTY_BUFFER, h, RESPONSE_HEADERS.newEmptyHeaders()), h, true);
            return OutputStream.nullOutputStream();
        }
        write(response, h, false);
        return new ChunkStream(length);
    }

    private void copy(ResponseHead head, HttpHeaders h) {
        for (int i = 0, n = head.size(); i < n; i++) {
            h.add(head.name(i), head.value(i));
        }
        h.set(HttpHeaderNames.DATE, DateHeader.now());
    }

    private void write(Object message, HttpHeaders h, boolean last) throws IOException {
        Channel ch = connection.channel();
        if (!ch.isActive()) {
            throw new IOException("The client closed the connection");
        }
        if (decideClose()) {
            h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (request.protocolVersion() == HttpVersion.HTTP_1_0) {
            h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
        if (!last) {
            ch.write(message);
            return;
        }
        finish(message);
    }

    private void finish(Object message) {
        Channel ch = connection.channel();
        if (close) {
            ch.writeAndFlush(message).addListener(ChannelFutureListener.CLOSE);
            connection.stopReading();
        } else if (connection.hasPending()) {
            // More pipelined requests are queued: their responses share one flush.
            ch.write(message);
        } else {
            ch.writeAndFlush(message);
        }
    }

    /** Writes a streamed body in chunks, waiting while the socket's send buffer is full. */
    private final class ChunkStream extends OutputStream {
        private static final int CHUNK = 16 * 1024;
        private final long declared;
        private byte[] buffer = new byte[CHUNK];
        private int count;
        private long written;
        private boolean closed;

        ChunkStream(long declared) {
            this.declared = declared;
        }

        @Override
        public void write(int b) throws IOException {
            if (count == buffer.length) {
                flushChunk();
            }
            buffer[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (count == buffer.length) {
                    flushChunk();
                }
                int n = Math.min(len, buffer.length - count);
                System.arraycopy(b, off, buffer, count, n);
                count += n;
                off += n;
                len -= n;
            }
        }

        @Override
        public void flush() throws IOException {
            flushChunk();
        }

        private void flushChunk() throws IOException {
            if (closed) {
                throw new IOException("The response stream is closed");
            }
            if (count == 0) {
                return;
            }
            written += count;
            if (declared >= 0 && written > declared) {
                close = true;
                throw new IOException("More bytes written than the declared Content-Length of " + declared);
            }
            Channel ch = connection.channel();
            if (!ch.isActive()) {
                throw new IOException("The client closed the connection");
            }
            ch.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(buffer, 0, count)));
            buffer = new byte[CHUNK];
            count = 0;
            connection.awaitWritable();
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            flushChunk();
            closed = true;
            if (declared >= 0 && written != declared) {
                close = true;
            }
            if (decideClose()) {
                connection.channel().writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(ChannelFutureListener.CLOSE);
                connection.stopReading();
            } else {
                finish(LastHttpContent.EMPTY_LAST_CONTENT);
            }
        }
    }
}
