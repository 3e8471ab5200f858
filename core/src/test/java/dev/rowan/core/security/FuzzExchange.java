package dev.rowan.core.security;

import dev.rowan.core.Headers;
import dev.rowan.core.spi.ServerExchange;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One request for {@link dev.rowan.core.App#handle(ServerExchange)} without a network, for fuzz
 * targets that drive the whole dispatcher. It keeps the promises the HTTP engine keeps (a valid
 * declared length, header values without control characters); the rest is the fuzzer's.
 *
 * <pre>{@code
 * var ex = FuzzExchange.of("GET", "/items/5?x=1").header("Cookie", "a=b");
 * app.handle(ex);
 * int status = ex.status();
 * }</pre>
 */
public final class FuzzExchange implements ServerExchange {
    private final String method;
    private final String target;
    private final List<String[]> headers = new ArrayList<>();
    private byte[] body = new byte[0];
    private int status = -1;
    private final ByteArrayOutputStream streamed = new ByteArrayOutputStream();
    private byte[] sent = new byte[0];

    private FuzzExchange(String method, String target) {
        this.method = method;
        this.target = target;
    }

    public static FuzzExchange of(String method, String target) {
        return new FuzzExchange(method, target);
    }

    public FuzzExchange header(String name, String value) {
        headers.add(new String[] {name, value});
        return this;
    }

    public FuzzExchange body(byte[] bytes) {
        this.body = bytes.clone();
        return header("Content-Length", Integer.toString(bytes.length));
    }

    /** The status sent, -1 when the app sent nothing. */
    public int status() {
        return status;
    }

    /** The body sent, complete or streamed. */
    public byte[] sentBody() {
        return streamed.size() > 0 ? streamed.toByteArray() : sent;
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public String target() {
        return target;
    }

    @Override
    public Headers headers() {
        return new Headers() {
            @Override
            public Optional<String> first(String name) {
                return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst();
            }

            @Override
            public List<String> all(String name) {
                return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).toList();
            }

            @Override
            public Set<String> names() {
                var out = new LinkedHashSet<String>();
                headers.forEach(h -> out.add(h[0]));
                return out;
            }
        };
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return new InetSocketAddress("127.0.0.1", 49152);
    }

    @Override
    public boolean isSecure() {
        return false;
    }

    @Override
    public long contentLength() {
        return body.length;
    }

    @Override
    public InputStream body() {
        return new ByteArrayInputStream(body);
    }

    @Override
    public void send(int status, ResponseHead head, byte[] body) {
        requireFirst(status);
        this.sent = body.clone();
    }

    @Override
    public OutputStream startStreaming(int status, ResponseHead head, long contentLength) {
        requireFirst(status);
        return streamed;
    }

    @Override
    public void closeAfterResponse() {
        // No connection in memory.
    }

    private void requireFirst(int status) {
        if (this.status != -1) {
            throw new AssertionError("Two responses (" + this.status + ", then " + status + ") for " + method + " " + target);
        }
        this.status = status;
    }
}
