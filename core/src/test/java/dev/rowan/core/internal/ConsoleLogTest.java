package dev.rowan.core.internal;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleLogTest {
    private static LogRecord record(Level level, String message, Throwable thrown) {
        LogRecord r = new LogRecord(level, message);
        r.setLoggerName("rowan");
        r.setInstant(LocalDateTime.of(2026, 11, 27, 9, 5, 7).atZone(ZoneId.systemDefault()).toInstant());
        r.setThrown(thrown);
        return r;
    }

    @Test
    void oneLinePerRecordWithTimeLevelAndLogger() {
        String line = new ConsoleLog.OneLine().format(record(Level.INFO, "core.W004 INFO: HSTS is off.", null));
        assertThat(line).isEqualTo("09:05:07 INFO rowan: core.W004 INFO: HSTS is off." + System.lineSeparator());
    }

    @Test
    void stackTracesFollowTheLine() {
        String text = new ConsoleLog.OneLine().format(record(Level.SEVERE, "boom", new IllegalStateException("why")));
        assertThat(text).startsWith("09:05:07 SEVERE rowan: boom" + System.lineSeparator() + "java.lang.IllegalStateException: why");
        assertThat(text).contains("at dev.rowan.core.internal.ConsoleLogTest");
    }

    @Test
    void librariesRowanBringsLogWarningsButNotTheirInfoChatter() {
        java.util.logging.Logger configured = java.util.logging.Logger.getLogger("com.zaxxer.hikari");
        configured.setLevel(Level.FINE);   // a level someone set stays
        try {
            ConsoleLog.quietLibraries();
            java.util.logging.Logger cluster = java.util.logging.Logger.getLogger("org.mongodb.driver.cluster");
            assertThat(cluster.isLoggable(Level.INFO)).isFalse();
            assertThat(cluster.isLoggable(Level.WARNING)).isTrue();
            assertThat(java.util.logging.Logger.getLogger("de.bwaldvogel.mongo.MongoServer").isLoggable(Level.INFO)).isFalse();
            assertThat(java.util.logging.Logger.getLogger("com.zaxxer.hikari.HikariDataSource").isLoggable(Level.FINE)).isTrue();
            assertThat(java.util.logging.Logger.getLogger("rowan").isLoggable(Level.INFO)).isTrue();
        } finally {
            configured.setLevel(null);
        }
    }

    @Test
    void parametersAreFilledInLikeTheJdksFormatters() {
        LogRecord r = record(Level.WARNING, "{0} of {1}", null);
        r.setParameters(new Object[] {"3", "4"});
        assertThat(new ConsoleLog.OneLine().format(r)).isEqualTo("09:05:07 WARNING rowan: 3 of 4" + System.lineSeparator());
    }
}
