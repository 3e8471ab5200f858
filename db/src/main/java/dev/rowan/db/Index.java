package dev.rowan.db;

import java.util.List;

/**
 * A named index over one or more fields, declared in model options.
 *
 * <pre>{@code
 * m.index(Index.on("polls_question_pub_idx", "pubDate"))
 * }</pre>
 *
 * @param name   the index name in the schema
 * @param fields field names, in index order
 */
public record Index(String name, List<String> fields) {
    /** Copies the field list. */
    public Index {
        fields = List.copyOf(fields);
    }

    /** An index named {@code name} over {@code fields}. */
    public static Index on(String name, String... fields) {
        return new Index(name, List.of(fields));
    }
}
