package dev.rowan.db.internal.dialect;

import com.zaxxer.hikari.HikariConfig;
import dev.rowan.db.DatabaseUrl;
import dev.rowan.db.Field;
import dev.rowan.db.Order;
import dev.rowan.db.spi.Dialect;
import dev.rowan.db.spi.ValueReader;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Pattern;

/** MariaDB/MySQL: backtick quoting, DATETIME(6) in UTC, InnoDB, emulated NULLS FIRST/LAST, binary LIKE for case. */
public final class MariaDbDialect extends Dialect {
    private static final Pattern CONSTRAINT = Pattern.compile("CONSTRAINT `([^`]+)`");
    private static final Pattern KEY = Pattern.compile("for key '(?:[^'.]+\\.)?([^']+)'");
    private static final Pattern COLUMN = Pattern.compile("Column '([^']+)' cannot be null");

    @Override
    public String vendor() {
        return "mariadb";
    }

    @Override
    public String quote(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
    }

    @Override
    public int maxNameLength() {
        return 64;
    }

    @Override
    public String columnType(Field f) {
        return switch (f.type()) {
            case BOOLEAN -> "bool";
            case TEXT -> "longtext";
            case FLOAT -> "float";
            case DATE_TIME -> "datetime(6)";
            case TIME -> "time(6)";
            case JSON -> "json";
            case BINARY -> "longblob";
            default -> super.columnType(f);
        };
    }

    @Override
    public String autoPrimaryKey() {
        return "bigint NOT NULL PRIMARY KEY AUTO_INCREMENT";
    }

    @Override
    public String tableOptions() {
        return " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci";
    }

    @Override
    public Object toDb(Field f, Object value) {
        return value instanceof Instant i ? LocalDateTime.ofInstant(i, ZoneOffset.UTC) : super.toDb(f, value);
    }

    @Override
    protected ValueReader dateTimeReader() {
        return (rs, i) -> {
            LocalDateTime t = rs.getObject(i, LocalDateTime.class);
            return t == null ? null : t.toInstant(ZoneOffset.UTC);
        };
    }

    @Override
    public String lookup(String lookup, String lhs, String rhs) {
        return switch (lookup) {
            case "contains", "startswith", "endswith" -> lhs + " LIKE BINARY " + rhs;
            case "icontains", "istartswith", "iendswith", "iexact" -> lhs + " LIKE " + rhs;
            case "regex" -> lhs + " REGEXP BINARY " + rhs;
            case "iregex" -> lhs + " REGEXP " + rhs;
            default -> super.lookup(lookup, lhs, rhs);
        };
    }

    @Override
    public Object lookupValue(String lookup, String value) {
        return "iexact".equals(lookup) ? escapeLike(value) : super.lookupValue(lookup, value);
    }

    @Override
    public String extract(String part, String lhs) {
        return switch (part) {
            case "year" -> "YEAR(" + lhs + ")";
            case "month" -> "MONTH(" + lhs + ")";
            case "day" -> "DAYOFMONTH(" + lhs + ")";
            case "week_day" -> "DAYOFWEEK(" + lhs + ")";
            case "hour" -> "HOUR(" + lhs + ")";
            case "minute" -> "MINUTE(" + lhs + ")";
            default -> throw new IllegalArgumentException(part);
        };
    }

    @Override
    public String orderBy(String expr, boolean descending, Order.Nulls nulls) {
        String s = expr + (descending ? " DESC" : " ASC");
        return switch (nulls) {
            case DEFAULT -> s;
            case FIRST -> expr + " IS NOT NULL, " + s;
            case LAST -> expr + " IS NULL, " + s;
        };
    }

    @Override
    protected String noLimit() {
        return " LIMIT 18446744073709551615";
    }

    @Override
    public String[] alterColumn(String table, String column, String type, boolean nullable) {
        return new String[]{"ALTER TABLE " + quote(table) + " MODIFY " + quote(column) + " " + type + (nullable ? " NULL" : " NOT NULL")};
    }

    @Override
    public String dropIndex(String table, String index) {
        return "DROP INDEX " + quote(index) + " ON " + quote(table);
    }

    @Override
    public String dropUnique(String table, String name) {
        return dropIndex(table, name);
    }

    @Override
    public String dropCheck(String table, String name) {
        return "ALTER TABLE " + quote(table) + " DROP CONSTRAINT " + quote(name);
    }

    @Override
    public String dropForeignKey(String table, String name) {
        return "ALTER TABLE " + quote(table) + " DROP FOREIGN KEY " + quote(name);
    }

    @Override
    public String literal(Object dbValue) {
        return dbValue instanceof String s ? "'" + s.replace("\\", "\\\\").replace("'", "''") + "'" : super.literal(dbValue);
    }

    @Override
    public void configure(HikariConfig config, DatabaseUrl url) {
        config.setDriverClassName("org.mariadb.jdbc.Driver");
        config.setJdbcUrl(url.jdbcUrl());
        config.setUsername(url.user().isEmpty() ? "root" : url.user());
        config.setPassword(url.password());
        url.params().forEach(config::addDataSourceProperty);
        config.setConnectionInitSql("SET time_zone = '+00:00', sql_mode = CONCAT(@@sql_mode, ',STRICT_TRANS_TABLES')");
    }

    // 70100 (error 1927): the server killed the session, as a restart or KILL does to pooled connections.
    @Override
    protected boolean isConnectionFailure(SQLException e) {
        return super.isConnectionFailure(e) || "70100".equals(e.getSQLState()) || e.getErrorCode() == 1927;
    }

    @Override
    protected Optional<String> constraintName(SQLException e) {
        return firstMatch(String.valueOf(e.getMessage()), CONSTRAINT, KEY, COLUMN);
    }
}
