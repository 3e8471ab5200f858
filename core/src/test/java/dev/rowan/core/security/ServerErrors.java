package dev.rowan.core.security;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps the exception behind the latest server error Rowan logged, so a fuzz target that sees a 500
 * can fail with the real cause instead of only the status. Also keeps those errors off the console:
 * a fuzzer that finds one would otherwise print it thousands of times.
 *
 * <pre>{@code
 * ServerErrors errors = ServerErrors.capture();
 * app.handle(exchange);
 * if (exchange.status() == 500) throw new AssertionError("500", errors.last());
 * }</pre>
 */
public final class ServerErrors extends Handler {
    private static final Logger ROWAN = Logger.getLogger("rowan");
    private volatile Throwable last;

    private ServerErrors() {
    }

    public static ServerErrors capture() {
        var errors = new ServerErrors();
        ROWAN.setUseParentHandlers(false);
        ROWAN.addHandler(errors);
        return errors;
    }

    /** The latest logged exception, or null. */
    public Throwable last() {
        return last;
    }

    @Override
    public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.SEVERE.intValue() && record.getThrown() != null) {
            last = record.getThrown();
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
