package dev.rowan.core.internal;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
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
