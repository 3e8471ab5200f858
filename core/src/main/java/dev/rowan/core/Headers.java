package dev.rowan.core;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Read-only, case-insensitive HTTP header access.
 *
 * <pre>{@code
 * Optional<String> agent = ctx.headers().first("User-Agent");
 * }</pre>
 */
public interface Headers {
    /** The first value of the header, if present. */
    Optional<String> first(String name);

    /** All values of the header in the order received; empty if absent. */
    List<String> all(String name);

    /** The header names present, as sent. */
    Set<String> names();

    default boolean contains(String name) {
        return first(name).isPresent();
    }
}
