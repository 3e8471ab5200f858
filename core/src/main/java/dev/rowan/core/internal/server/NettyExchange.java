package dev.rowan.core.internal.server;

import dev.rowan.core.Headers;
import dev.rowan.core.spi.ServerExchange;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
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
    private final boolean keepAliveRequested;
    private final FullHttpResponse rejection;
    private boolean expectsContinue;
    /** Also set from the event loop when the body turns out malformed or too large. */
    private volatile boolean close;
    private boolean started;
    private boolean completed;
    private NettyHeaders headers;

    NettyExchange(ConnectionHandler connection, HttpRequest request, BodyPipe body, long contentLength, boolean keepAlive, boolean expectsContinue) {
        this.connection = connection;
        this.request = request;
        this.body = body;
        this.contentLength = contentLength;
        this.head = request.method() == HttpMethod.HEAD;
        this.keepAliveRequested = keepAlive;
        this.close = !keepAlive;
        this.expectsContinue = expectsContinue;
        this.rejection = null;
    }

    private NettyExchange(ConnectionHandler connection, FullHttpResponse rejection) {
        this.connection = connection;
        this.request = null;
        this.body = null;
        this.contentLength = 0;
        this.head = false;
        this.keepAliveRequested = false;
        this.rejection = rejection;
    }

    /** A queue entry that only sends an error answer (after the answers to earlier pipelined requests). */
    static NettyExchange rejected(ConnectionHandler connection, FullHttpResponse response) {
        return new NettyExchange(connection, response);
    }

    FullHttpResponse rejection() {
        return rejection;
    }

    boolean keepAliveRequested() {
        return keepAliveRequested;
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
        if (body == null) {
            return InputStream.nullInputStream();
        }
        if (expectsContinue && !started) {
            // Sent only when the handler wants the body, and after earlier pipelined answers; an
            // early refusal (401, 413) then costs the client no upload.
            expectsContinue = false;
            connection.send(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE, Unpooled.EMPTY_BUFFER));
        }
        return body;
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

    /** After the handler returned: a missing or unfinished answer would shift every later pipelined answer. */
    void ensureAnswered() {
        if (!completed) {
            connection.closeAfterWrites();
        }
    }

    @Override
    public void send(int status, ResponseHead head, byte[] bytes) throws IOException {
        begin();
        if (ResponseEncoder.handles(status, head)) {
            ResponseEncoder.Connection c = decideClose() ? ResponseEncoder.Connection.CLOSE
                    : request.protocolVersion() == HttpVersion.HTTP_1_0 ? ResponseEncoder.Connection.KEEP_ALIVE : ResponseEncoder.Connection.NONE;
            finish(ResponseEncoder.encode(connection.channel().alloc(), status, head, bytes, this.head, c));
            return;
        }
        boolean noBody = status == 204 || status == 304 || status < 200;
        var response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status),
                noBody || this.head || bytes.length == 0 ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(bytes),
                RESPONSE_HEADERS, RESPONSE_HEADERS);
        HttpHeaders h = response.headers();
        copy(head, h);
        if (!noBody) {
            h.set(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        }
        connectionHeader(h);
        finish(response);
    }

    @Override
    public OutputStream startStreaming(int status, ResponseHead head, long length) throws IOException {
        begin();
        HttpHeaders h = RESPONSE_HEADERS.newHeaders();
        copy(head, h);
        if (length >= 0) {
            h.set(HttpHeaderNames.CONTENT_LENGTH, length);
        } else if (request.protocolVersion() == HttpVersion.HTTP_1_0) {
            // HTTP/1.0 has no chunked coding: the end of the body is the end of the connection.
            close = true;
        } else if (!this.head) {
            h.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        }
        connectionHeader(h);
        var status0 = HttpResponseStatus.valueOf(status);
        if (this.head) {
            finish(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status0, Unpooled.EMPTY_BUFFER, h, RESPONSE_HEADERS.newEmptyHeaders()));
            return OutputStream.nullOutputStream();
        }
        connection.send(new DefaultHttpResponse(HttpVersion.HTTP_1_1, status0, h));
        return new ChunkStream(length);
    }

    private void begin() throws IOException {
        if (started) {
            throw new IllegalStateException("The response was already sent");
        }
        started = true;
        if (!connection.channel().isActive()) {
            throw new ServerExchange.ClientGoneException("The client closed the connection");
        }
    }

    private void copy(ResponseHead head, HttpHeaders h) {
        for (int i = 0, n = head.size(); i < n; i++) {
            h.add(head.name(i), head.value(i));
        }
        h.set(HttpHeaderNames.DATE, DateHeader.now());
    }

    private void connectionHeader(HttpHeaders h) {
        if (decideClose()) {
            h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (request.protocolVersion() == HttpVersion.HTTP_1_0) {
            h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
    }

    private void finish(Object last) {
        completed = true;
        if (close || decideClose()) {
            connection.sendAndClose(last);
        } else {
            connection.send(last);
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
            if (!connection.channel().isActive()) {
                throw new ServerExchange.ClientGoneException("The client closed the connection");
            }
            connection.sendChunk(new DefaultHttpContent(Unpooled.wrappedBuffer(buffer, 0, count)));
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
                // The client would wait for bytes that never come, or read ours as the next answer.
                close = true;
            }
            finish(LastHttpContent.EMPTY_LAST_CONTENT);
        }
    }
}
