package dev.rowan.core.internal;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * One line per log record on the console ({@code 23:01:07 INFO rowan: ...}) instead of the JDK's
 * default two-line format, but only while logging is unconfigured: System.Logger goes to
 * java.util.logging, no logging config file, class or SimpleFormatter format is set, and the root
 * logger still has the JDK's console handler. Anyone who configured logging keeps exactly what
 * they configured. The JDK's format also costs start-up time: its date pattern loads the locale
 * data behind java.text (tens of milliseconds on one core) before the first line appears.
 */
public final class ConsoleLog {
    /**
     * Libraries Rowan's modules bring whose INFO lines describe their own machinery (pool start,
     * driver settings, every client connection of the in-process MongoDB): while logging is
     * unconfigured they log WARNING and above, as Django's default logging does for libraries.
     */
    static final List<String> QUIET_LIBRARIES = List.of("com.zaxxer.hikari", "org.mongodb.driver", "de.bwaldvogel.mongo");

    // java.util.logging holds loggers weakly: a level set on one that is collected would be lost.
    private static final List<Logger> QUIETED = new CopyOnWriteArrayList<>();

    private ConsoleLog() {
    }

    /**
     * Called once, from {@code App}'s class initialisation. A second call changes nothing: the
     * console handler no longer has the JDK's formatter.
     */
    public static void useCompactFormatWhenUnconfigured() {
        if (System.getProperty("java.util.logging.config.file") != null
                || System.getProperty("java.util.logging.config.class") != null
                || System.getProperty("java.util.logging.SimpleFormatter.format") != null
                || !System.LoggerFinder.getLoggerFinder().getClass().getName().startsWith("sun.util.logging.")) {
            return;
        }
        for (Handler h : Logger.getLogger("").getHandlers()) {
            if (h instanceof ConsoleHandler && h.getFormatter().getClass() == SimpleFormatter.class) {
                h.setFormatter(new OneLine());
                quietLibraries();
            }
        }
    }

    /** Sets {@link #QUIET_LIBRARIES} to WARNING, except a logger someone already gave a level. */
    static void quietLibraries() {
        for (String name : QUIET_LIBRARIES) {
            Logger logger = Logger.getLogger(name);
            if (logger.getLevel() == null) {
                logger.setLevel(Level.WARNING);
                QUIETED.add(logger);
            }
        }
    }

    /** {@code HH:mm:ss LEVEL logger: message}, then the stack trace, if any, on the following lines. */
    static final class OneLine extends Formatter {
        @Override
        public String format(LogRecord r) {
            LocalTime t = LocalTime.ofInstant(r.getInstant(), ZoneId.systemDefault());
            StringBuilder line = new StringBuilder(96);
            HttpDates.two(line, t.getHour()).append(':');
            HttpDates.two(line, t.getMinute()).append(':');
            HttpDates.two(line, t.getSecond()).append(' ')
                    .append(r.getLevel().getName()).append(' ')
                    .append(r.getLoggerName() == null ? "-" : r.getLoggerName()).append(": ")
                    .append(formatMessage(r)).append(System.lineSeparator());
            if (r.getThrown() != null) {
                StringWriter trace = new StringWriter();
                r.getThrown().printStackTrace(new PrintWriter(trace));
                line.append(trace);
            }
            return line.toString();
        }
    }
}
