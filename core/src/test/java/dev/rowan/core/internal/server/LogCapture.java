package dev.rowan.core.internal.server;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The messages one {@code java.util.logging} logger receives while this is open (Rowan's
 * System.Logger records end up there when no other logging library is installed). Closing puts
 * the logger's level back and detaches the capture.
 */
final class LogCapture implements AutoCloseable {
    private final Logger logger;
    private final Level levelBefore;
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord r) {
            records.add(r);
            messages.add(r.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogCapture(String loggerName, Level level) {
        logger = Logger.getLogger(loggerName);
        levelBefore = logger.getLevel();
        if (level != null) {
            logger.setLevel(level);
        }
        logger.addHandler(handler);
    }

    /** Captures what {@code loggerName} logs at its configured level. */
    static LogCapture of(String loggerName) {
        return new LogCapture(loggerName, null);
    }

    /** Captures what {@code loggerName} logs at {@code level} and above (DEBUG records are FINE). */
    static LogCapture of(String loggerName, Level level) {
        return new LogCapture(loggerName, level);
    }

    List<String> messages() {
        return messages;
    }

    /** The records themselves, for their level and attached exception. */
    List<LogRecord> records() {
        return records;
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setLevel(levelBefore);
    }
}
