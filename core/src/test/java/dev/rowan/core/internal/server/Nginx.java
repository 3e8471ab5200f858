package dev.rowan.core.internal.server;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An nginx of the test's own (prefix, config and logs in a temp folder, loopback ports) in front of
 * one Rowan port, with two front ports: {@code buffered} (nginx's default: it reads each body, then
 * sends it with a Content-Length) and {@code streamed} ({@code proxy_request_buffering off}). Every
 * request it forwards carries {@code X-Request-Id}, and its access log names the client's port, the
 * id, and nginx's and Rowan's statuses, so a test can tell which requests nginx saw.
 */
final class Nginx implements AutoCloseable {
    /** One access-log line: {@code upstreamStatus} is 0 when nginx answered itself. */
    record Line(int serverPort, int clientPort, String requestId, int status, int upstreamStatus, String method, String uri) {
        boolean forwarded() {
            return upstreamStatus != 0;
        }
    }

    private static final Pattern LINE = Pattern.compile("(\\d+) (\\d+) (\\S+) (\\d+) (\\S+) \"(.*)\" \"(.*)\"");

    private final Path prefix;
    private final Process process;
    private final Map<String, Integer> ports;

    private Nginx(Path prefix, Process process, Map<String, Integer> ports) {
        this.prefix = prefix;
        this.process = process;
        this.ports = ports;
    }

    static Nginx start(Path binary, int upstreamPort) throws IOException {
        Path prefix = Files.createTempDirectory("rowan-nginx");
        // nginx's workers run as another user when started by root: they must reach their temp folders.
        Files.setPosixFilePermissions(prefix, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(prefix.resolve("logs"));
        Map<String, Integer> ports = Map.of("buffered", freePort(), "streamed", freePort());
        Files.writeString(prefix.resolve("nginx.conf"), config(prefix, upstreamPort, ports));
        Process p = new ProcessBuilder(binary.toString(), "-p", prefix.toString(), "-e", prefix.resolve("logs/error.log").toString(),
                "-c", prefix.resolve("nginx.conf").toString(), "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(prefix.resolve("logs/stdout.log").toFile()).start();
        var nginx = new Nginx(prefix, p, ports);
        nginx.awaitListening();
        return nginx;
    }

    private static String config(Path prefix, int upstreamPort, Map<String, Integer> ports) {
        String common = """
                        proxy_pass http://rowan;
                        proxy_http_version 1.1;
                        proxy_set_header Connection "";
                        proxy_set_header Host $http_host;
                        proxy_set_header X-Request-Id $request_id;
                        # The test half-closes its side after sending: nginx must still answer.
                        proxy_ignore_client_abort on;
                """;
        return """
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log info;
                events { worker_connections 256; }
                http {
                    log_format ids '$server_port $remote_port $request_id $status $upstream_status "$request_method" "$request_uri"';
                    access_log %1$s/logs/access.log ids;
                    client_body_temp_path %1$s/tmp-body;
                    proxy_temp_path %1$s/tmp-proxy;
                    fastcgi_temp_path %1$s/tmp-fastcgi;
                    uwsgi_temp_path %1$s/tmp-uwsgi;
                    scgi_temp_path %1$s/tmp-scgi;
                    upstream rowan {
                        server 127.0.0.1:%2$d;
                        keepalive 4;
                    }
                    server {
                        listen 127.0.0.1:%3$d;
                        location / {
                %5$s
                        }
                    }
                    server {
                        listen 127.0.0.1:%4$d;
                        location / {
                            proxy_request_buffering off;
                %5$s
                        }
                    }
                }
                """.formatted(prefix, upstreamPort, ports.get("buffered"), ports.get("streamed"), common);
    }

    int port(String mode) {
        return ports.get(mode);
    }

    /**
     * The log lines of the connection from {@code clientPort} to the {@code mode} port, once they
     * stop changing (nginx writes a line when it is done with a request, which can be just after
     * the client saw the connection close).
     */
    List<Line> linesFor(String mode, int clientPort) throws IOException, InterruptedException {
        List<Line> last = null;
        for (int i = 0; i < 40; i++) {
            List<Line> now = lines().stream().filter(l -> l.serverPort() == port(mode) && l.clientPort() == clientPort).toList();
            if (!now.isEmpty() && now.equals(last)) {
                return now;
            }
            last = now;
            Thread.sleep(25);
        }
        return last;
    }

    private List<Line> lines() throws IOException {
        Path log = prefix.resolve("logs/access.log");
        if (!Files.exists(log)) {
            return List.of();
        }
        List<Line> out = new ArrayList<>();
        for (String s : Files.readAllLines(log, StandardCharsets.ISO_8859_1)) {
            Matcher m = LINE.matcher(s);
            if (m.matches()) {
                out.add(new Line(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3), Integer.parseInt(m.group(4)),
                        upstreamStatus(m.group(5)), m.group(6), m.group(7)));
            }
        }
        return out;
    }

    /** {@code -} when nginx answered itself; {@code "502, 200"} when it tried twice: the last one answered. */
    private static int upstreamStatus(String s) {
        String last = s.substring(s.lastIndexOf(' ') + 1);
        return last.chars().allMatch(Character::isDigit) ? Integer.parseInt(last) : 0;
    }

    private void awaitListening() throws IOException {
        for (int i = 0; i < 200; i++) {
            if (!process.isAlive()) {
                throw new IOException("nginx exited at start: " + Files.readString(prefix.resolve("logs/error.log")));
            }
            try (Socket s = new Socket("127.0.0.1", port("streamed"))) {
                return;
            } catch (IOException notYet) {
                sleep(25);
            }
        }
        throw new IOException("nginx did not listen on " + ports);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy(); // SIGTERM: nginx's fast shutdown
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
        try (Stream<Path> files = Files.walk(prefix)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // A temp folder left behind is harmless.
        }
    }
}
