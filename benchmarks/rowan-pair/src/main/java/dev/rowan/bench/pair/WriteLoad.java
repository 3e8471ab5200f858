package dev.rowan.bench.pair;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The write load of benchmarks/two-instances.sh: WORKERS clients, one request at a time each, POST
 * {@code /writes} with ids FIRST_ID, FIRST_ID+1, ... (each sent once, never retried by this client)
 * for SECONDS. Writes one line per request to OUT, {@code id status instance} (status {@code io}
 * when the connection failed and no answer came), and prints the count of each status.
 *
 * <pre>{@code java -cp server.jar dev.rowan.bench.pair.WriteLoad http://127.0.0.1:8080 10 8 1000000 out.txt}</pre>
 */
public final class WriteLoad {
    private WriteLoad() {
    }

    record Outcome(long id, String status, String instance) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: WriteLoad BASE_URL SECONDS WORKERS FIRST_ID OUT");
            System.exit(2);
        }
        URI target = URI.create(args[0] + "/writes");
        long deadline = System.nanoTime() + Duration.ofSeconds(Long.parseLong(args[1])).toNanos();
        int workers = Integer.parseInt(args[2]);
        AtomicLong nextId = new AtomicLong(Long.parseLong(args[3]));
        var outcomes = new ConcurrentLinkedQueue<Outcome>();
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
             var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < workers; w++) {
                pool.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        outcomes.add(post(client, target, nextId.getAndIncrement()));
                    }
                });
            }
        }
        Map<String, Integer> counts = new TreeMap<>();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[4])))) {
            for (Outcome o : outcomes) {
                out.println(o.id() + " " + o.status() + " " + o.instance());
                counts.merge(o.status(), 1, Integer::sum);
            }
        }
        System.out.println(outcomes.size() + " requests: " + counts);
    }

    private static Outcome post(HttpClient client, URI target, long id) {
        var request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("id=" + id)).build();
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Outcome(id, String.valueOf(r.statusCode()), r.headers().firstValue("X-Instance").orElse("-"));
        } catch (IOException e) {
            return new Outcome(id, "io", "-");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(id, "io", "-");
        }
    }
}
