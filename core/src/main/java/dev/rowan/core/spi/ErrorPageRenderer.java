package dev.rowan.core.spi;

import dev.rowan.core.Context;

import java.util.Optional;

/**
 * Renders the app's own HTML error pages (400, 403, 404, 405, 413, 500, ...) so they look like the rest
 * of the site. The rowan-templates module registers one that renders {@code errors/<status>.html}; a
 * renderer that has nothing for a status returns empty and the core's built-in page is used.
 *
 * <pre>{@code
 * app.register(ErrorPageRenderer.class, (error, ctx) -> error.status() == 404
 *         ? Optional.of("<h1>Nothing here</h1>")
 *         : Optional.empty());
 * }</pre>
 */
@FunctionalInterface
public interface ErrorPageRenderer {
    /** The page's HTML, or empty to use the built-in page. Exceptions are logged and the built-in page used. */
    Optional<String> render(ErrorPage error, Context ctx);

    /**
     * One error to show.
     *
     * @param status  the HTTP status, 400 to 599
     * @param title   its reason phrase, e.g. "Not Found"
     * @param message a sentence for the visitor; never internals (a 500 says only which error id to quote)
     */
    record ErrorPage(int status, String title, String message) {
    }
}
