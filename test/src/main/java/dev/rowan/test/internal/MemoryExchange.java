package dev.rowan.test.internal;

import dev.rowan.core.Headers;
import dev.rowan.core.spi.ServerExchange;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * One in-memory exchange. It behaves as the HTTP engine does where handlers can see it: the body
 * limit while reading, Content-Length on complete responses, no body for HEAD, chunked when the
 * length is unknown.
 */
final class MemoryExchange implements ServerExchange {
    private static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 49152);

    private final Wire.Request request;
    private final Headers headers;
    private final long maxBody;
    private Wire.Response response;
    private Capture streamed;
    private int streamedStatus;
    private List<Wire.Header> streamedHeaders;

    MemoryExchange(Wire.Request request, long maxBody) {
        this.request = request;
        this.headers = new RequestHeaders(request.headers());
        this.maxBody = maxBody;
    }

    @Override
    public String method() {
        return request.method();
    }

    @Override
    public String target() {
        return request.target();
    }

    @Override
    public Headers headers() {
        return headers;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return CLIENT;
    }

    @Override
    public boolean isSecure() {
        return request.secure();
    }

    @Override
    public long contentLength() {
        return headers.first("Content-Length").map(Long::parseLong).orElse(-1L);
    }

    @Override
    public InputStream body() {
        return new Limited(new ByteArrayInputStream(request.body()), maxBody);
    }

    @Override
    public void send(int status, ResponseHead head, byte[] body) {
        requireNotSent();
        boolean noBody = status == 204 || status == 304 || status < 200;
        List<Wire.Header> out = copy(head);
        if (!noBody) {
            out.add(new Wire.Header("Content-Length", Integer.toString(body.length)));
        }
        response = new Wire.Response(status, out, noBody || isHead() ? new byte[0] : body.clone());
    }

    @Override
    public OutputStream startStreaming(int status, ResponseHead head, long contentLength) {
        requireNotSent();
        streamedStatus = status;
        streamedHeaders = copy(head);
        if (contentLength >= 0) {
            streamedHeaders.add(new Wire.Header("Content-Length", Long.toString(contentLength)));
        } else if (!isHead()) {
            streamedHeaders.add(new Wire.Header("Transfer-Encoding", "chunked"));
        }
        streamed = new Capture();
        return streamed;
    }

    @Override
    public void closeAfterResponse() {
        // No connection to close in memory.
    }

    /** The response, once the app has sent it; a stream left open is completed here. */
    Wire.Response response() {
        if (response == null && streamed != null) {
            streamed.close();
        }
        if (response == null) {
            throw new IllegalStateException("The app returned without sending a response for " + request.method() + " " + request.target());
        }
        return response;
    }

    private boolean isHead() {
        return request.method().equals("HEAD");
    }

    private void requireNotSent() {
        if (response != null || streamed != null) {
            throw new IllegalStateException("The app sent two responses for " + request.method() + " " + request.target());
        }
    }

    private static List<Wire.Header> copy(ResponseHead head) {
        var out = new ArrayList<Wire.Header>(head.size() + 1);
        for (int i = 0; i < head.size(); i++) {
            out.add(new Wire.Header(head.name(i), head.value(i)));
        }
        return out;
    }

    /** Collects a streamed body; closing it completes the response, as with the engine. */
    private final class Capture extends ByteArrayOutputStream {
        @Override
        public void close() {
            if (response == null) {
                response = new Wire.Response(streamedStatus, streamedHeaders, isHead() ? new byte[0] : toByteArray());
            }
        }
    }

    /** Throws the engine's body-limit exception once more than {@code limit} bytes are read. */
    private static final class Limited extends FilterInputStream {
        private final long limit;
        private long read;

        Limited(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > limit) {
                throw new BodyTooLargeException(limit);
            }
        }
    }
}
