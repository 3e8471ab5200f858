package dev.rowan.db;

/**
 * {@code get} matched more than one row.
 *
 * <pre>{@code
 * try { Choice.objects.get("votes", 0); } catch (MultipleFound e) { e.count(); }
 * }</pre>
 */
public final class MultipleFound extends DbException {
    private final long count;

    /** Creates the error for a model label and how many rows matched (at least). */
    public MultipleFound(String model, long count, String lookup) {
        super("get() returned more than one " + model + " -- it returned " + (count > 20 ? "more than 20" : count)
                + " (" + lookup + "); add a filter or use first()");
        this.count = count;
    }

    /** How many rows matched (capped at 21, since more are never fetched). */
    public long count() {
        return count;
    }
}
