package dev.rowan.core;

import java.util.List;

/**
 * A startup check. Errors stop the app from starting in production; warnings are logged, and
 * {@code check --deploy} lists them all. Ids are stable ({@code core.W001}) and explained in the docs.
 *
 * <p>When errors stop the start, {@code app.start()} throws a {@link Failure}. If nothing catches it and
 * it ends the program's {@code main}, Rowan prints its {@link Failure#report() report} (each id, what is
 * wrong and how to fix it) without a stack trace and the process exits with status 1, as Django's
 * {@code manage.py check} does.
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

    /**
     * The app cannot start: one or more checks failed. The message is the {@link #report()}. Modules that
     * find a problem while they are installed throw it too, so it reads the same:
     *
     * <pre>{@code
     * throw Check.Failure.of(Check.Result.error("mail.E001", "mail.host is not set.", "Set ROWAN_MAIL_HOST."));
     * }</pre>
     */
    final class Failure extends IllegalStateException {
        private static final long serialVersionUID = 1L;
        private final transient List<Result> results;

        private Failure(List<Result> results) {
            super(report(results), null);
            this.results = results;
        }

        public static Failure of(List<Result> results) {
            if (results.isEmpty()) {
                throw new IllegalArgumentException("A failure needs at least one result");
            }
            return new Failure(List.copyOf(results));
        }

        public static Failure of(Result result) {
            return of(List.of(result));
        }

        /** The failed checks, in the order found. */
        public List<Result> results() {
            return results;
        }

        /** One block a person reads in a terminal: a headline, then each id, what is wrong and the fix. */
        public String report() {
            return getMessage();
        }

        private static String report(List<Result> results) {
            var sb = new StringBuilder("The app cannot start: ")
                    .append(results.size() == 1 ? "a startup check failed." : results.size() + " startup checks failed.");
            for (Result r : results) {
                sb.append("\n\n  ").append(r.id()).append("  ").append(r.message());
                if (!r.hint().isEmpty()) {
                    sb.append("\n  Fix: ").append(r.hint());
                }
            }
            return sb.toString();
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            // A configuration problem, not a bug: where in Rowan it was noticed helps nobody.
            return this;
        }
    }
}
