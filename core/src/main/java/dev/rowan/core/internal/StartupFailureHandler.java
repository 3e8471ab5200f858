package dev.rowan.core.internal;

import dev.rowan.core.Check;
import dev.rowan.core.Config;

import java.io.PrintStream;

/**
 * What happens when a {@link Check.Failure} (or a {@link Config.ConfigException}, a setting with the
 * wrong shape) ends the program's main thread: its report on standard
 * error, no stack trace (the report says all there is: the id, the problem, the fix), and exit status
 * 1 even if a module already started threads that would keep the JVM alive. Any other uncaught
 * exception goes on to the handler that was there before, so nothing else changes.
 *
 * <p>Installed on the main thread when an app is created there; threads other than main are left
 * alone, since exiting the process from a worker would surprise whoever started it.
 */
public final class StartupFailureHandler implements Thread.UncaughtExceptionHandler {
    private final Thread.UncaughtExceptionHandler previous;

    private StartupFailureHandler(Thread.UncaughtExceptionHandler previous) {
        this.previous = previous;
    }

    /** Installs the handler if this is the main thread and it is not installed yet. */
    public static void installOnMainThread() {
        Thread t = Thread.currentThread();
        if (!t.getName().equals("main") || t.isVirtual()) {
            return;
        }
        Thread.UncaughtExceptionHandler current = t.getUncaughtExceptionHandler();
        if (!(current instanceof StartupFailureHandler)) {
            t.setUncaughtExceptionHandler(new StartupFailureHandler(current));
        }
    }

    @Override
    public void uncaughtException(Thread thread, Throwable e) {
        String report = reportFor(e);
        if (report == null) {
            previous.uncaughtException(thread, e);
            return;
        }
        PrintStream err = System.err;
        err.println(report);
        err.flush();
        Runtime.getRuntime().exit(1);
    }

    /** The block to print, or null for an exception that is a bug and keeps its stack trace. */
    static String reportFor(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof Check.Failure f) {
                return f.report();
            }
            if (c instanceof Config.ConfigException ce) {
                return "The app cannot start: a setting is wrong.\n\n  " + ce.getMessage();
            }
        }
        return null;
    }
}
