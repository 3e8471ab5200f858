package dev.rowan.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** Raw HTTP/1.1 over a socket, for requests java.net.http refuses to send, and small test helpers. */
final class RawHttp {
    private RawHttp() {
    }

    record Response(int status, Map<String, String> headers, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }
    }

    /** Sends a GET for {@code target} exactly as written and reads the response. */
    static Response get(int port, String target) throws IOException {
        return send(port, ("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Sends {@code request} bytes and reads one response up to the end of the connection. */
    static Response send(int port, byte[] request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException e) {
                // The server may answer (e.g. 413) and close before taking everything; read what it said.
            }
            return read(s.getInputStream());
        }
    }

    static Response read(InputStream in) throws IOException {
        var all = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        try {
            while ((n = in.read(buf)) > 0) {
                all.write(buf, 0, n);
                if (complete(all.toByteArray())) {
                    break;
                }
            }
        } catch (java.net.SocketException e) {
            if (all.size() == 0) {
                throw e;
            }
        }
        return parse(all.toByteArray());
    }

    private static boolean complete(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        Response r = parse(bytes);
        String length = r.header("content-length");
        return !length.isEmpty() && r.body().length >= Long.parseLong(length);
    }

    private static Response parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IllegalStateException("No complete response head in: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        var headers = new LinkedHashMap<String, String>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
        }
        byte[] body = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
        return new Response(status, headers, body);
    }

    static List<Path> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    /**
     * Waits until {@code dir} has no files. Cleanup runs right after the response is sent, so a
     * client can see the response a moment before the files are gone; this waits for that moment
     * (it is not a timing assertion: the bound only stops a broken build from hanging).
     */
    static List<Path> awaitEmpty(Path dir) throws Exception {
        for (int i = 0; i < 400; i++) {
            List<Path> left = list(dir);
            if (left.isEmpty()) {
                return left;
            }
            Thread.sleep(25);
        }
        return list(dir);
    }
}
