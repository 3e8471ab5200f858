package dev.rowan.db;

/**
 * {@code get} matched no row. {@link #model()} is the model label such as {@code polls.Question}.
 *
 * <pre>{@code
 * try { Question.objects.get("pk", 2); } catch (NotFound e) { return 404; }
 * }</pre>
 */
public final class NotFound extends DbException {
    private final String model;

    /** Creates the error for a model label and a description of the lookup. */
    public NotFound(String model, String lookup) {
        super(model + " matching query does not exist (" + lookup + ")");
        this.model = model;
    }

    /** The label of the model that was queried. */
    public String model() {
        return model;
    }
}
