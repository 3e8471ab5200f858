package dev.rowan.templates;

import java.util.Map;

/**
 * Adds values to the model of every render, computed per render (the current user, the request,
 * flash messages). Values in the model passed to {@code render} win over a processor's values.
 *
 * <pre>{@code
 * Templates.builder()
 *     .contextProcessor(scope -> Map.of("site_name", "Polls"))
 *     .build();
 * }</pre>
 */
@FunctionalInterface
public interface ContextProcessor {

    /** The values to merge into the model; an empty map when there is nothing to add. */
    Map<String, ?> values(RenderScope scope);
}
