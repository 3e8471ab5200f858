package dev.rowan.db;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;

/**
 * The statements a block ran on one database, in order: what {@link Database#captureQueries}
 * returns. Use it to find N+1 queries, or in tests through {@code DbExtension.assertNumQueries}.
 *
 * <pre>{@code
 * CapturedQueries log = db.captureQueries(() -> {
 *     for (Question q : Question.objects.all().prefetchRelated("choices").list()) {
 *         q.choices().list();
 *     }
 * });
 * log.count();   // 2: the questions, then all their choices
 * }</pre>
 */
public final class CapturedQueries implements Iterable<CapturedQuery> {
    private final List<CapturedQuery> queries;

    private CapturedQueries(List<CapturedQuery> queries) {
        this.queries = queries;
    }

    static CapturedQueries of(List<CapturedQuery> queries) {
        return new CapturedQueries(List.copyOf(queries));
    }

    /** The statements, in the order they ran. */
    public List<CapturedQuery> queries() {
        return queries;
    }

    /** How many statements ran (a JDBC batch counts once: it is one round trip). */
    public int count() {
        return queries.size();
    }

    /** The SQL texts, in order. */
    public List<String> sql() {
        return queries.stream().map(CapturedQuery::sql).toList();
    }

    /** The sum of the statements' durations. */
    public Duration totalDuration() {
        return queries.stream().map(CapturedQuery::duration).reduce(Duration.ZERO, Duration::plus);
    }

    @Override
    public Iterator<CapturedQuery> iterator() {
        return queries.iterator();
    }

    /** One numbered line per statement, e.g. {@code 1. SELECT ... [42]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < queries.size(); i++) {
            sb.append(i == 0 ? "" : "\n").append(i + 1).append(". ").append(queries.get(i));
        }
        return sb.toString();
    }
}
