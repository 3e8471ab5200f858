package dev.rowan.db;

import java.util.Optional;

/**
 * A statement broke a constraint (unique, foreign key, check, not-null). The message and
 * {@link #constraint()} name the constraint, so a caller can map it to a field error.
 *
 * <pre>{@code
 * try { Question.objects.create(q); } catch (IntegrityError e) { e.constraint(); }
 * }</pre>
 */
public class IntegrityError extends DbException {
    private final String constraint;

    /** Creates an integrity error; {@code constraint} may be empty when the database did not say. */
    public IntegrityError(String message, Optional<String> constraint, Throwable cause) {
        super(message, cause);
        this.constraint = constraint.orElse("");
    }

    /** The name of the violated constraint as it is known to the schema (or the column for NOT NULL). */
    public Optional<String> constraint() {
        return constraint.isEmpty() ? Optional.empty() : Optional.of(constraint);
    }
}
