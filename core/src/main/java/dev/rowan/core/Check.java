package dev.rowan.core;

import java.util.List;

/**
 * A startup check. Errors stop the app from starting in production; warnings are logged, and
 * {@code check --deploy} lists them all. Ids are stable ({@code core.W001}) and explained in the docs.
 *
 * <pre>{@code
 * app.check(a -> a.config().get("mail.host").isPresent()
 *         ? List.of()
 *         : List.of(Check.Result.warning("mail.W001", "mail.host is not set", "Set ROWAN_MAIL_HOST.")));
 * }</pre>
 */
@FunctionalInterface
public interface Check {
    List<Result> run(App app);

    /** One finding. */
    record Result(String id, Severity severity, String message, String hint) {
        public enum Severity { INFO, WARNING, ERROR }

        public static Result error(String id, String message, String hint) {
            return new Result(id, Severity.ERROR, message, hint);
        }

        public static Result warning(String id, String message, String hint) {
            return new Result(id, Severity.WARNING, message, hint);
        }

        @Override
        public String toString() {
            return id + " " + severity + ": " + message + (hint.isEmpty() ? "" : " HINT: " + hint);
        }
    }
}
