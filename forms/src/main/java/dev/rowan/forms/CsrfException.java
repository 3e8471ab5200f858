package dev.rowan.forms;

import dev.rowan.core.HttpException;

import java.util.Map;

/**
 * A request failed CSRF verification: answered with 403. In debug mode the message explains the reason and the fix;
 * otherwise it is a short generic sentence. Handle it with {@code app.exception(CsrfException.class, ...)} or
 * {@code app.error(403, ...)} for a custom page.
 *
 * <pre>{@code
 * app.exception(CsrfException.class, (e, ctx) -> ctx.status(403).render("csrf_failed.html", Map.of("id", e.reasonId())));
 * }</pre>
 */
public final class CsrfException extends HttpException {
    private static final long serialVersionUID = 1L;
    private static final String GENERIC = "CSRF verification failed; the request was refused. Go back, reload the page "
            + "and try again.";

    private final String reasonId;
    private final String reason;

    private CsrfException(String reasonId, String reason, String message) {
        super(403, message, Map.of(), null);
        this.reasonId = reasonId;
        this.reason = reason;
    }

    /** The failure {@code reasonId} ({@code csrf.E001}...) with its explanation, told to the client only in debug. */
    public static CsrfException of(String reasonId, String reason, boolean debug) {
        String message = debug ? "CSRF verification failed (" + reasonId + "): " + reason
                + " Shown because debug is on; production shows a short message." : GENERIC;
        return new CsrfException(reasonId, reason, message);
    }

    /** The stable id of the failure, e.g. {@code csrf.E007} for a missing token. */
    public String reasonId() {
        return reasonId;
    }

    /** Why the request was refused (for logs; never shown to clients outside debug mode). */
    public String reason() {
        return reason;
    }
}
