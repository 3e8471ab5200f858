package dev.rowan.bench.dbfaults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks one run of benchmarks/db-restart.sh: every acknowledged (2xx) id is in the table, the
 * requests during the outage were answered with 503 (how many, and how slow the slowest 503 was),
 * and how long after the server was back the first write succeeded. Prints the figures; exits 1
 * when a check fails.
 *
 * <pre>{@code java -cp server.jar dev.rowan.bench.dbfaults.FaultsReport load.csv ids.txt DOWN_MS UP_MS}</pre>
 */
public final class FaultsReport {
    /** The longest acceptable time from the server's return to the first successful write. */
    private static final long MAX_RECOVERY_MS = 10_000;

    private record Request(long id, long start, long end, int status) {
        long latency() {
            return end - start;
        }

        boolean acknowledged() {
            return status >= 200 && status < 300;
        }
    }

    private FaultsReport() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: FaultsReport LOAD_CSV IDS_FILE DOWN_MS UP_MS");
            System.exit(2);
        }
        List<Request> requests = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            String[] f = line.split(",");
            requests.add(new Request(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]), Integer.parseInt(f[3])));
        }
        Set<Long> stored = new HashSet<>();
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            if (!line.isBlank()) {
                stored.add(Long.parseLong(line.trim()));
            }
        }
        long down = Long.parseLong(args[2]);
        long up = Long.parseLong(args[3]);
        System.exit(report(requests, stored, down, up) ? 0 : 1);
    }

    private static boolean report(List<Request> requests, Set<Long> stored, long down, long up) {
        List<String> failures = new ArrayList<>();
        long acknowledged = requests.stream().filter(Request::acknowledged).count();
        List<Long> lost = requests.stream().filter(Request::acknowledged).map(Request::id).filter(id -> !stored.contains(id)).toList();
        Set<Long> acked = new HashSet<>(requests.stream().filter(Request::acknowledged).map(Request::id).toList());
        long unacknowledgedButStored = stored.stream().filter(id -> !acked.contains(id)).count();
        Map<Integer, Long> all = countByStatus(requests);
        List<Request> during = requests.stream().filter(r -> r.start() >= down && r.start() < up).toList();
        List<Request> unavailable = requests.stream().filter(r -> r.status() == 503).toList();
        long slowest503 = unavailable.stream().mapToLong(Request::latency).max().orElse(-1);
        long median503 = median(unavailable.stream().map(Request::latency).toList());
        long firstSuccess = requests.stream().filter(Request::acknowledged).filter(r -> r.end() >= up)
                .mapToLong(Request::end).min().orElse(-1);
        long after503 = requests.stream().filter(r -> r.start() >= up && r.status() == 503).count();

        System.out.printf("requests: %d, by status: %s%n", requests.size(), all);
        System.out.printf("acknowledged (2xx): %d; in the table afterwards: %d; acknowledged but missing: %d%s%n",
                acknowledged, acknowledged - lost.size(), lost.size(), lost.isEmpty() ? "" : " " + lost.subList(0, Math.min(10, lost.size())));
        System.out.printf("in the table but not acknowledged (the answer was lost, or came as an error after the commit): %d%n",
                unacknowledgedButStored);
        System.out.printf("outage: %.1f s; requests started during it: %d, by status: %s%n", (up - down) / 1000.0, during.size(),
                countByStatus(during));
        System.out.printf("503 latency: median %d ms, max %d ms (over %d answers)%n", median503, slowest503, unavailable.size());
        System.out.printf("server back -> first successful write: %s; 503s to requests started after the server was back: %d%n",
                firstSuccess < 0 ? "never" : (firstSuccess - up) + " ms", after503);

        if (!lost.isEmpty()) {
            failures.add(lost.size() + " acknowledged writes are missing");
        }
        all.keySet().stream().filter(s -> !(s >= 200 && s < 300) && s != 503)
                .forEach(s -> failures.add(all.get(s) + " requests answered " + (s < 0 ? "with no HTTP answer" : String.valueOf(s))));
        if (during.isEmpty()) {
            failures.add("no request started during the outage; the run proves nothing");
        }
        if (firstSuccess < 0 || firstSuccess - up > MAX_RECOVERY_MS) {
            failures.add("no successful write within " + MAX_RECOVERY_MS + " ms of the server's return");
        }
        failures.forEach(f -> System.out.println("FAIL: " + f));
        if (failures.isEmpty()) {
            System.out.println("PASS");
        }
        return failures.isEmpty();
    }

    private static Map<Integer, Long> countByStatus(List<Request> requests) {
        Map<Integer, Long> counts = new TreeMap<>();
        requests.forEach(r -> counts.merge(r.status(), 1L, Long::sum));
        return counts;
    }

    private static long median(List<Long> values) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
