package dev.rowan.db;

import java.util.Optional;

/**
 * A delete was refused because rows of another model point at the deleted rows through a
 * {@link OnDelete#PROTECT} or {@link OnDelete#RESTRICT} foreign key.
 *
 * <pre>{@code
 * try { author.delete(); } catch (ProtectedError e) { e.getMessage(); }
 * }</pre>
 */
public final class ProtectedError extends IntegrityError {
    /** Creates the error for a protecting relation. */
    public ProtectedError(String message, String relation) {
        super(message, Optional.of(relation), null);
    }
}
