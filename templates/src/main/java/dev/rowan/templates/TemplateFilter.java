package dev.rowan.templates;

import java.util.List;

/**
 * A filter templates apply with {@code |name} or {@code |name(arg, ...)}.
 *
 * <pre>{@code
 * builder.filter("initials", (input, args) ->
 *     Arrays.stream(String.valueOf(input).split(" ")).map(w -> w.substring(0, 1)).collect(joining()));
 * }</pre>
 *
 * <p>The result is autoescaped unless it is a {@link SafeHtml}.
 */
@FunctionalInterface
public interface TemplateFilter {

    /**
     * Transforms {@code input} (never null: an undefined value arrives as an empty string); {@code args} are the
     * positional arguments, empty when none were given.
     */
    Object apply(Object input, List<Object> args);
}
