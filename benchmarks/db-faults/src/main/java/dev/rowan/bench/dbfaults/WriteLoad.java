package dev.rowan.bench.dbfaults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The write load of benchmarks/db-restart.sh: {@code workers} virtual threads each POST
 * {@code /entries} with the next unique id, pause, and repeat until {@code stopFile} exists. Writes
 * one line per request to {@code out} ({@code id,startMs,endMs,status}; status -1 when no HTTP
 * answer came) and the first body seen for each status to {@code out.bodies}.
 *
 * <pre>{@code java -cp server.jar dev.rowan.bench.dbfaults.WriteLoad http://127.0.0.1:8080 8 10 /tmp/stop /tmp/load.csv}</pre>
 */
public final class WriteLoad {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration LONGEST_RUN = Duration.ofMinutes(10);

    private WriteLoad() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: WriteLoad BASE_URL WORKERS PAUSE_MS STOP_FILE OUT_CSV");
            System.exit(2);
        }
        URI target = URI.create(args[0] + "/entries");
        int workers = Integer.parseInt(args[1]);
        long pauseMs = Long.parseLong(args[2]);
        Path stop = Path.of(args[3]);
        Path out = Path.of(args[4]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        AtomicLong nextId = new AtomicLong();
        Queue<String> lines = new ConcurrentLinkedQueue<>();
        Map<Integer, String> bodies = new ConcurrentHashMap<>();
        long deadline = System.nanoTime() + LONGEST_RUN.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int w = 1; w <= workers; w++) {
            int worker = w;
            threads.add(Thread.ofVirtual().name("write-load-" + w).start(() -> {
                while (!Files.exists(stop) && System.nanoTime() < deadline) {
                    long id = nextId.incrementAndGet();
                    long start = System.currentTimeMillis();
                    int status = post(http, target, id, worker, bodies);
                    lines.add(id + "," + start + "," + System.currentTimeMillis() + "," + status);
                    pause(pauseMs);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        Files.write(out, lines);
        List<String> firstBodies = new ArrayList<>();
        bodies.forEach((status, body) -> firstBodies.add(status + " " + body.replace('\n', ' ')));
        Files.write(Path.of(out + ".bodies"), firstBodies);
    }

    private static int post(HttpClient http, URI target, long id, int worker, Map<Integer, String> bodies) {
        HttpRequest req = HttpRequest.newBuilder(target).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("id=" + id + "&worker=" + worker)).build();
        try {
            HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
            bodies.putIfAbsent(res.statusCode(), res.body() + res.headers().firstValue("Retry-After").map(v -> " [Retry-After: " + v + "]").orElse(""));
            return res.statusCode();
        } catch (IOException e) {
            bodies.putIfAbsent(-1, String.valueOf(e));
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
