package dev.rowan.db;

/**
 * A field path or lookup does not exist. The message names the model and the valid choices, e.g.
 * {@code db.E101: Cannot resolve 'pub_dat' on polls.Question; choices are: id, questionText, pubDate, choice}.
 *
 * <pre>{@code
 * Question.objects.filter("pub_dat__year", 2026); // throws FieldError
 * }</pre>
 */
public final class FieldError extends IllegalArgumentException {
    /** Creates the error with a teaching message. */
    public FieldError(String message) {
        super(message);
    }
}
