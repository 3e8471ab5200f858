package dev.rowan.core;

/**
 * A reusable piece of an application: routes, middleware, services, checks. Batteries such as
 * sessions, templates or the admin install themselves through this interface exactly as a
 * third-party module would.
 *
 * <pre>{@code
 * public final class HealthModule implements Module {
 *     public void install(App app) {
 *         app.get("/health", ctx -> ctx.text("ok"));
 *     }
 * }
 * app.install(new HealthModule());
 * }</pre>
 */
@FunctionalInterface
public interface Module {
    void install(App app);

    /** A short name used in logs and error messages; defaults to the class name. */
    default String name() {
        return getClass().getSimpleName();
    }
}
