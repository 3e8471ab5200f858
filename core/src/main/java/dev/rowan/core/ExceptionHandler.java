package dev.rowan.core;

/**
 * Turns an exception of a given type into a response.
 *
 * <pre>{@code
 * app.exception(NoSuchElementException.class, (e, ctx) -> ctx.status(404).text("Not here"));
 * }</pre>
 */
@FunctionalInterface
public interface ExceptionHandler<E extends Exception> {
    void handle(E exception, Context ctx) throws Exception;
}
