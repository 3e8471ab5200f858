package dev.rowan.db;

import java.time.Duration;
import java.util.List;

/**
 * One statement a database ran inside {@link Database#captureQueries}.
 *
 * <pre>{@code
 * CapturedQueries log = db.captureQueries(() -> Question.objects.all().list());
 * CapturedQuery q = log.queries().getFirst();
 * System.out.println(q.sql() + " " + q.params() + " in " + q.duration().toMillis() + " ms");
 * }</pre>
 *
 * @param sql       the SQL text with {@code ?} placeholders
 * @param params    the values bound to the placeholders, as sent to the driver (a SQL NULL is a
 *                  {@code null} element); for a batch, the rows' values one after another
 * @param batchSize how many parameter rows went in this round trip (1 unless a JDBC batch, as
 *                  {@code bulkUpdate} sends)
 * @param duration  how long the driver took to execute it (for a streamed query: until the first
 *                  row could be read, not until the stream was consumed)
 */
public record CapturedQuery(String sql, List<Object> params, int batchSize, Duration duration) {
    @Override
    public String toString() {
        return sql + (params.isEmpty() ? "" : " " + params) + (batchSize > 1 ? " (batch of " + batchSize + ")" : "");
    }
}
