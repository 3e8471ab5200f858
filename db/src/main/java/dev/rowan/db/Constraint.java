package dev.rowan.db;

import java.util.List;
import java.util.Optional;

/**
 * A named table constraint: unique over several fields, or a check condition written as a {@link Q}.
 * Violations raise {@link IntegrityError} naming {@link #name()}.
 *
 * <pre>{@code
 * m.constraint(Constraint.unique("polls_choice_text_uniq", "question", "choiceText"))
 *  .constraint(Constraint.check("polls_choice_votes_gte_0", Q.of("votes__gte", 0)))
 * }</pre>
 */
public final class Constraint {
    private final String name;
    private final List<String> fields;
    private final Q check;

    private Constraint(String name, List<String> fields, Q check) {
        this.name = name;
        this.fields = List.copyOf(fields);
        this.check = check;
    }

    /** Rows must be unique over {@code fields}. */
    public static Constraint unique(String name, String... fields) {
        return new Constraint(name, List.of(fields), null);
    }

    /** Rows must satisfy {@code condition} (values are rendered as SQL literals in the DDL). */
    public static Constraint check(String name, Q condition) {
        return new Constraint(name, List.of(), condition);
    }

    /** The constraint name in the schema. */
    public String name() {
        return name;
    }

    /** The fields of a unique constraint (empty for a check). */
    public List<String> fields() {
        return fields;
    }

    /** The condition of a check constraint. */
    public Optional<Q> check() {
        return Optional.ofNullable(check);
    }

    /** Whether this is a unique constraint. */
    public boolean isUnique() {
        return check == null;
    }
}
