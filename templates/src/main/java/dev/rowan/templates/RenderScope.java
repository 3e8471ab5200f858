package dev.rowan.templates;

import java.util.Optional;

/**
 * What a {@link ContextProcessor} or a {@link TemplateFunction} knows about the render in progress.
 *
 * <p>The render context is whatever the caller passed to {@link Templates#forContext(Object)}: the web
 * integration passes the request context, a mail job may pass its recipient. Standalone renders have none.
 *
 * <pre>{@code
 * builder.contextProcessor(scope -> scope.context(Context.class)
 *     .map(ctx -> Map.of("request", ctx))
 *     .orElse(Map.of()));
 * }</pre>
 */
public interface RenderScope {

    /** The name of the template that was asked for (for a function call: the template that calls it). */
    String templateName();

    /** The render context, when the render has one. */
    Optional<Object> context();

    /** The render context if it is an instance of {@code type}. */
    default <T> Optional<T> context(Class<T> type) {
        return context().filter(type::isInstance).map(type::cast);
    }
}
