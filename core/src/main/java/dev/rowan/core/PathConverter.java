package dev.rowan.core;

import java.util.Optional;

/**
 * Converts one path segment (or, for {@code path}, the rest of the path) to a typed value. A
 * segment the converter rejects does not match the route, so the next route is tried and a
 * request that matches none gets a 404.
 *
 * <pre>{@code
 * app.converter("year", PathConverter.of(Integer.class, s -> s.matches("\\d{4}") ? Optional.of(Integer.valueOf(s)) : Optional.empty()));
 * app.get("/archive/{y:year}", ctx -> ...);
 * }</pre>
 */
public interface PathConverter<T> {
    Class<T> type();

    /** The value for {@code segment} (already percent-decoded), or empty when it does not fit. */
    Optional<T> parse(String segment);

    /** The segment text for {@code value} when building URLs. */
    default String format(Object value) {
        return String.valueOf(value);
    }

    /** True for converters that take the rest of the path, slashes included. */
    default boolean greedy() {
        return false;
    }

    static <T> PathConverter<T> of(Class<T> type, java.util.function.Function<String, Optional<T>> parser) {
        return new PathConverter<>() {
            public Class<T> type() {
                return type;
            }

            public Optional<T> parse(String segment) {
                return parser.apply(segment);
            }
        };
    }
}
