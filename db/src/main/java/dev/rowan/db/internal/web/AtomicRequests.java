package dev.rowan.db.internal.web;

import dev.rowan.core.Context;
import dev.rowan.core.Middleware;
import dev.rowan.db.Database;

/**
 * Runs the rest of the chain in a transaction on the default database. A thrown exception or a 5xx
 * status rolls it back, so a request that fails halfway leaves no half-written rows behind.
 */
public final class AtomicRequests implements Middleware {
    private final ConfiguredDatabases databases;

    /** Wraps requests in transactions on {@code databases}' default database. */
    public AtomicRequests(ConfiguredDatabases databases) {
        this.databases = databases;
    }

    @Override
    public void handle(Context ctx, Next next) throws Exception {
        Database db = databases.databases().defaultDatabase();
        try {
            db.atomic(() -> {
                proceed(next);
                if (ctx.status() >= 500) {
                    // The handler answered with a server error without throwing: undo its writes too.
                    throw new RollBack();
                }
            });
        } catch (RollBack expected) {
            // rolled back; the handler's response stands
        } catch (Carrier c) {
            throw c.exception;
        }
    }

    private static void proceed(Next next) {
        try {
            next.proceed();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new Carrier(e);
        }
    }

    /** Carries a checked exception out of the {@code atomic} body, which rolls back on it. */
    private static final class Carrier extends RuntimeException {
        final Exception exception;

        Carrier(Exception exception) {
            super(exception.getMessage(), exception, false, false);
            this.exception = exception;
        }
    }

    private static final class RollBack extends RuntimeException {
        RollBack() {
            super("rollback after a 5xx response", null, false, false);
        }
    }
}
