package dev.rowan.db.internal;

import dev.rowan.db.CapturedQuery;
import dev.rowan.db.internal.dialect.TypedValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The statements one database runs on the current thread while a capture is open. Per thread, as
 * Django's per-connection log: a test counts its own queries, not those of unrelated threads that
 * share the pool. When nothing captures, recording costs one thread-local read.
 */
public final class QueryLog {
    private final ThreadLocal<List<List<CapturedQuery>>> open = new ThreadLocal<>();

    /** Runs {@code body} and returns what it ran, in order; nested captures each see their part. */
    public List<CapturedQuery> capture(Runnable body) {
        List<CapturedQuery> into = new ArrayList<>();
        List<List<CapturedQuery>> stack = open.get();
        if (stack == null) {
            stack = new ArrayList<>();
            open.set(stack);
        }
        stack.add(into);
        try {
            body.run();
        } finally {
            stack.remove(stack.size() - 1);
            if (stack.isEmpty()) {
                open.remove();
            }
        }
        return List.copyOf(into);
    }

    /** A start time for {@link #record}, or 0 when nothing captures (so no clock is read). */
    public long start() {
        return open.get() == null ? 0 : System.nanoTime();
    }

    /** Records one statement with its driver values (a JDBC batch is one round trip of {@code batchSize} rows). */
    public void record(String sql, List<?> params, int batchSize, long startNanos) {
        List<List<CapturedQuery>> stack = open.get();
        if (stack == null) {
            return;
        }
        List<Object> values = new ArrayList<>(params.size());
        for (Object p : params) {
            values.add(p instanceof TypedValue t ? t.value() : p);
        }
        CapturedQuery q = new CapturedQuery(sql, Collections.unmodifiableList(values), batchSize,
                Duration.ofNanos(System.nanoTime() - startNanos));
        for (List<CapturedQuery> into : stack) {
            into.add(q);
        }
    }

    /** Records one statement without parameters. */
    public void record(String sql, long startNanos) {
        record(sql, List.of(), 1, startNanos);
    }
}
