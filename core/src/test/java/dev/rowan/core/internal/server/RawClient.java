package dev.rowan.core.internal.server;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A deliberately dumb HTTP/1.1 client over a raw socket: it sends exactly the bytes a test wrote
 * (malformed ones included) and reads responses one by one, so framing can be checked byte for byte.
 */
final class RawClient implements AutoCloseable {
    static final int TIMEOUT_MS = 5_000;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(TIMEOUT_MS);
        socket.setTcpNoDelay(true);
        in = new java.io.BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    static RawClient connect(int port) throws IOException {
        return new RawClient(port);
    }

    /** Sends the text as ISO-8859-1, so every byte (CR, LF, NUL) is exactly what the test wrote. */
    RawClient send(String raw) throws IOException {
        return send(raw.getBytes(StandardCharsets.ISO_8859_1));
    }

    RawClient send(byte[] raw) throws IOException {
        out.write(raw);
        out.flush();
        return this;
    }

    OutputStream output() {
        return out;
    }

    /** How long a read waits before it fails (the default is {@link #TIMEOUT_MS}). */
    void setTimeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    /** The client's own port: how a proxy's log names this connection. */
    int localPort() {
        return socket.getLocalPort();
    }

    /** What is left to read, as it comes (after {@link #readHead()}: the body). */
    InputStream input() {
        return in;
    }

    /** One exchange: send, then read one response. */
    static Response exchange(int port, String raw) throws IOException {
        try (RawClient c = connect(port)) {
            return c.send(raw).read();
        }
    }

    Response read() throws IOException {
        return read(false);
    }

    Response readHead() throws IOException {
        return read(true);
    }

    private Response read(boolean headOnly) throws IOException {
        String status = line();
        String[] parts = status.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("Not an HTTP status line: " + status);
        }
        int code = Integer.parseInt(parts[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String h = line(); !h.isEmpty(); h = line()) {
            int colon = h.indexOf(':');
            headers.computeIfAbsent(h.substring(0, colon).toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(h.substring(colon + 1).strip());
        }
        var response = new Response(parts[0], code, headers, new byte[0]);
        if (headOnly || code < 200 || code == 204 || code == 304) {
            return response;
        }
        return new Response(parts[0], code, headers, body(response));
    }

    private byte[] body(Response r) throws IOException {
        if (r.header("transfer-encoding").map(v -> v.equalsIgnoreCase("chunked")).orElse(false)) {
            return readChunked();
        }
        Optional<String> length = r.header("content-length");
        if (length.isPresent()) {
            return in.readNBytes(Integer.parseInt(length.get()));
        }
        return in.readAllBytes();
    }

    InputStream chunkedBody() {
        return new InputStream() {
            private long left;
            private boolean done;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (done) {
                    return -1;
                }
                if (left == 0) {
                    left = Long.parseLong(line().strip(), 16);
                    if (left == 0) {
                        for (String t = line(); !t.isEmpty(); t = line()) {
                            // trailers: ignored
                        }
                        done = true;
                        return -1;
                    }
                }
                int n = in.read(b, off, (int) Math.min(len, left));
                if (n < 0) {
                    throw new EOFException("Chunked body cut short");
                }
                left -= n;
                if (left == 0 && !line().isEmpty()) {
                    throw new IOException("Missing CRLF after chunk data");
                }
                return n;
            }
        };
    }

    private byte[] readChunked() throws IOException {
        return chunkedBody().readAllBytes();
    }

    private String line() throws IOException {
        var buf = new ByteArrayOutputStream();
        for (;;) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("Connection closed after: " + buf.toString(StandardCharsets.ISO_8859_1));
            }
            if (b == '\n') {
                break;
            }
            buf.write(b);
        }
        String s = buf.toString(StandardCharsets.ISO_8859_1);
        if (!s.endsWith("\r")) {
            throw new IOException("Response line without CRLF: " + s);
        }
        return s.substring(0, s.length() - 1);
    }

    /**
     * True when the server closed the connection: a read ends (EOF or reset) within the timeout
     * and no further response bytes arrived first.
     */
    boolean closedByServer() throws IOException {
        try {
            int b = in.read();
            if (b >= 0) {
                throw new AssertionError("Expected the connection to be closed, but more bytes came: "
                        + (char) b + new String(in.readNBytes(Math.min(in.available(), 200)), StandardCharsets.ISO_8859_1));
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true; // reset: closed as well
        }
    }

    /** True when nothing arrives and the connection stays open for {@code millis}. */
    boolean staysOpenFor(int millis) throws IOException {
        socket.setSoTimeout(millis);
        try {
            int b = in.read();
            if (b >= 0) {
                throw new AssertionError("Unexpected bytes from the server: " + (char) b);
            }
            return false;
        } catch (SocketTimeoutException e) {
            return true;
        } finally {
            socket.setSoTimeout(TIMEOUT_MS);
        }
    }

    /** True when response bytes have arrived and not been read yet. */
    boolean hasInput() throws IOException {
        return in.available() > 0;
    }

    void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    record Response(String version, int status, Map<String, List<String>> headers, byte[] body) {
        Optional<String> header(String name) {
            List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        boolean says(String connection) {
            return header("connection").map(v -> v.equalsIgnoreCase(connection)).orElse(false);
        }
    }
}
