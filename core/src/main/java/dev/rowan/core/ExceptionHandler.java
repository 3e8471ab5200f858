package dev.rowan.core;

/**
 * Turns an exception of a given type into a response. A handler either writes the response itself,
 * or throws an {@link HttpException}, which answers with the app's error page for that status (its
 * template, or JSON for API routes and clients that ask for JSON), as a handler's own throw does.
 *
 * <pre>{@code
 * app.exception(NoSuchElementException.class, (e, ctx) -> ctx.status(404).text("Not here"));
 * app.exception(AccountLocked.class, (e, ctx) -> {
 *     throw HttpException.forbidden("This account is locked; ask an administrator to unlock it.");
 * });
 * }</pre>
 */
@FunctionalInterface
public interface ExceptionHandler<E extends Exception> {
    void handle(E exception, Context ctx) throws Exception;
}
