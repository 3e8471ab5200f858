package dev.rowan.db.internal.web;

import dev.rowan.core.Context;
import dev.rowan.core.HttpException;
import dev.rowan.db.ConnectionUnavailable;
import dev.rowan.db.NotFound;
import dev.rowan.db.internal.OutageGate;

/**
 * Maps data-layer errors to HTTP errors. They are answered by the app's error pages like any other
 * error: its {@code errors/<status>.html} template, or JSON for API routes and JSON clients.
 */
public final class DbErrorPages {
    private static final System.Logger LOG = System.getLogger("rowan.db");

    private DbErrorPages() {
    }

    /** 404 for a {@code get} that matched nothing; the model and lookup are shown in debug mode only. */
    public static void notFound(NotFound e, boolean debug) {
        throw HttpException.notFound(debug ? e.getMessage() : "The page you asked for does not exist.");
    }

    /** 503 with {@code Retry-After} when no database connection could be had. */
    public static void unavailable(Context ctx, ConnectionUnavailable e, boolean debug) {
        if (OutageGate.refusedAtOnce(e)) {
            // The outage itself was logged once when it began; one stack trace per request would flood the log.
            LOG.log(System.Logger.Level.DEBUG, "Answering 503 on " + ctx.method() + " " + ctx.path() + ": " + e.getMessage());
        } else {
            LOG.log(System.Logger.Level.ERROR, "Answering 503 on " + ctx.method() + " " + ctx.path() + ": " + e.getMessage(), e);
        }
        throw HttpException.of(503, debug ? e.getMessage()
                        : "The site cannot reach its database right now. Please try again in a moment.")
                .withHeader("Retry-After", "30");
    }
}
