package dev.rowan.db.internal.dialect;

import com.zaxxer.hikari.HikariConfig;
import dev.rowan.db.DatabaseUrl;
import dev.rowan.db.Field;
import dev.rowan.db.internal.Constraints;
import dev.rowan.db.spi.Dialect;
import dev.rowan.db.spi.ValueReader;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Optional;
import java.util.regex.Pattern;
import org.sqlite.Function;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** SQLite: dates as ISO text (fixed width, so text order is time order), WAL, foreign keys on, REGEXP in Java. */
public final class SqliteDialect extends Dialect {
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss").appendFraction(ChronoField.MICRO_OF_SECOND, 6, 6, true).toFormatter();
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .appendPattern("HH:mm:ss").appendFraction(ChronoField.MICRO_OF_SECOND, 6, 6, true).toFormatter();
    private static final DateTimeFormatter PARSE_DATE_TIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd[ ]['T']HH:mm[:ss]").optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd().toFormatter();
    private static final Pattern UNIQUE = Pattern.compile("UNIQUE constraint failed: (.+)");
    private static final Pattern CHECK = Pattern.compile("CHECK constraint failed: (\\S+)");
    private static final Pattern NOT_NULL = Pattern.compile("NOT NULL constraint failed: (\\S+)");

    private static final int SQLITE_CONSTRAINT = 19;
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;

    @Override
    public String vendor() {
        return "sqlite";
    }

    @Override
    public int maxNameLength() {
        return 128;
    }

    @Override
    public String columnType(Field f) {
        return switch (f.type()) {
            case BOOLEAN -> "bool";
            case DECIMAL -> "decimal";
            case DATE_TIME -> "datetime";
            case DOUBLE -> "real";
            default -> super.columnType(f);
        };
    }

    @Override
    public String autoPrimaryKey() {
        return "integer NOT NULL PRIMARY KEY AUTOINCREMENT";
    }

    @Override
    public Object toDb(Field f, Object value) {
        return switch (value) {
            case Instant i -> DATE_TIME.format(LocalDateTime.ofInstant(i, ZoneOffset.UTC));
            case LocalDate d -> d.toString();
            case LocalTime t -> TIME.format(t);
            case Boolean b -> b ? 1 : 0;
            case null -> null;
            default -> super.toDb(f, value);
        };
    }

    @Override
    public ValueReader reader(Field f) {
        return switch (f.type()) {
            case DATE -> (rs, i) -> {
                String s = rs.getString(i);
                return s == null ? null : LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
            };
            case TIME -> (rs, i) -> {
                String s = rs.getString(i);
                return s == null ? null : LocalTime.parse(s);
            };
            default -> super.reader(f);
        };
    }

    @Override
    protected ValueReader dateTimeReader() {
        return (rs, i) -> {
            String s = rs.getString(i);
            return s == null ? null : parseDateTime(s).toInstant(ZoneOffset.UTC);
        };
    }

    // Hot path of row hydration: the form this dialect writes ("2026-01-02 03:04:05.123456") is read
    // digit by digit; anything else (hand-written rows, other tools) goes through the lenient formatter.
    static LocalDateTime parseDateTime(String s) {
        if (s.length() == 26 && s.charAt(4) == '-' && s.charAt(7) == '-' && s.charAt(10) == ' ' && s.charAt(13) == ':'
                && s.charAt(16) == ':' && s.charAt(19) == '.') {
            int year = digits(s, 0, 4);
            int month = digits(s, 5, 7);
            int day = digits(s, 8, 10);
            int hour = digits(s, 11, 13);
            int minute = digits(s, 14, 16);
            int second = digits(s, 17, 19);
            int micros = digits(s, 20, 26);
            if ((year | month | day | hour | minute | second | micros) >= 0) {
                return LocalDateTime.of(year, month, day, hour, minute, second, micros * 1000);
            }
        }
        return LocalDateTime.parse(s, PARSE_DATE_TIME);
    }

    /** The decimal number in {@code s[from, to)}, or -1 if a character is not a digit. */
    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            n = n * 10 + d;
        }
        return n;
    }

    @Override
    public String lookup(String lookup, String lhs, String rhs) {
        return switch (lookup) {
            case "contains", "startswith", "endswith" -> lhs + " GLOB " + rhs;
            case "icontains", "istartswith", "iendswith" -> lhs + " LIKE " + rhs + " ESCAPE '\\'";
            case "regex", "iregex" -> lhs + " REGEXP " + rhs;
            default -> super.lookup(lookup, lhs, rhs);
        };
    }

    @Override
    public Object lookupValue(String lookup, String value) {
        return switch (lookup) {
            case "contains" -> "*" + escapeGlob(value) + "*";
            case "startswith" -> escapeGlob(value) + "*";
            case "endswith" -> "*" + escapeGlob(value);
            case "iregex" -> "(?i)" + value;
            default -> super.lookupValue(lookup, value);
        };
    }

    @Override
    public String extract(String part, String lhs) {
        return switch (part) {
            case "year" -> "CAST(strftime('%Y', " + lhs + ") AS INTEGER)";
            case "month" -> "CAST(strftime('%m', " + lhs + ") AS INTEGER)";
            case "day" -> "CAST(strftime('%d', " + lhs + ") AS INTEGER)";
            case "week_day" -> "(CAST(strftime('%w', " + lhs + ") AS INTEGER) + 1)";
            case "hour" -> "CAST(strftime('%H', " + lhs + ") AS INTEGER)";
            case "minute" -> "CAST(strftime('%M', " + lhs + ") AS INTEGER)";
            default -> throw new IllegalArgumentException(part);
        };
    }

    @Override
    protected String noLimit() {
        return " LIMIT -1";
    }

    @Override
    public boolean supportsAlterTable() {
        return false;
    }

    @Override
    public String literal(Object dbValue) {
        return dbValue instanceof Boolean b ? (b ? "1" : "0") : super.literal(dbValue);
    }

    @Override
    public void configure(HikariConfig config, DatabaseUrl url) {
        SQLiteConfig sc = new SQLiteConfig();
        sc.enforceForeignKeys(true);
        sc.setBusyTimeout(5000);
        // BEGIN IMMEDIATE: a transaction takes the write lock when it starts, waiting up to the busy
        // timeout. A deferred one that reads and then writes fails at once with "database is locked"
        // when another writer got there first, and no wait can help it.
        sc.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        boolean memory = url.database().equals(":memory:");
        if (!memory) {
            sc.setJournalMode(SQLiteConfig.JournalMode.WAL);
            sc.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        }
        config.setDataSource(new RegexpDataSource(sc, url.jdbcUrl()));
        if (memory) {
            // Every connection to :memory: is a separate database: keep exactly one, forever.
            config.setMaximumPoolSize(1);
            config.setMinimumIdle(1);
            config.setMaxLifetime(0);
            config.setIdleTimeout(0);
        }
    }

    // SQLITE_BUSY / SQLITE_LOCKED after the busy timeout: another writer holds the file. The request may
    // be retried, so it is a 503 like any other moment the database cannot be used, not a 500.
    @Override
    protected boolean isConnectionFailure(SQLException e) {
        return super.isConnectionFailure(e) || e.getErrorCode() == SQLITE_BUSY || e.getErrorCode() == SQLITE_LOCKED;
    }

    @Override
    protected boolean isIntegrityViolation(SQLException e) {
        return e.getErrorCode() == SQLITE_CONSTRAINT || String.valueOf(e.getMessage()).contains("constraint failed");
    }

    @Override
    protected Optional<String> constraintName(SQLException e) {
        String msg = String.valueOf(e.getMessage());
        Optional<String> unique = firstMatch(msg, UNIQUE).map(SqliteDialect::trimReport);
        if (unique.isPresent()) {
            // SQLite names the columns ("t.a, t.b"), not the constraint: map them back to its name.
            return unique.map(Constraints::resolveUnique);
        }
        Optional<String> other = firstMatch(msg, CHECK, NOT_NULL).map(SqliteDialect::trimReport);
        if (other.isPresent()) {
            return other;
        }
        return msg.contains("FOREIGN KEY constraint failed") ? Optional.of("FOREIGN KEY") : Optional.empty();
    }

    private static String trimReport(String s) {
        return s.replaceAll("[)\\]]+$", "").trim();
    }

    private static String escapeGlob(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 4);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '*' -> sb.append("[*]");
                case '?' -> sb.append("[?]");
                case '[' -> sb.append("[[]");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Adds a REGEXP function (Java regex) to every new physical connection. */
    private static final class RegexpDataSource extends SQLiteDataSource {
        RegexpDataSource(SQLiteConfig config, String url) {
            super(config);
            setUrl(url);
        }

        @Override
        public org.sqlite.SQLiteConnection getConnection(String user, String password) throws SQLException {
            org.sqlite.SQLiteConnection c = super.getConnection(user, password);
            Function.create(c, "REGEXP", new Function() {
                @Override
                protected void xFunc() throws SQLException {
                    String pattern = value_text(0);
                    String value = value_text(1);
                    result(pattern != null && value != null && Pattern.compile(pattern).matcher(value).find() ? 1 : 0);
                }
            });
            return c;
        }
    }
}
