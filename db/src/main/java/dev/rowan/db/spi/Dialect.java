package dev.rowan.db.spi;

import com.zaxxer.hikari.HikariConfig;
import dev.rowan.db.ConnectionUnavailable;
import dev.rowan.db.DatabaseUrl;
import dev.rowan.db.DbException;
import dev.rowan.db.Field;
import dev.rowan.db.FieldType;
import dev.rowan.db.IntegrityError;
import dev.rowan.db.Order;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything that differs between databases, in one place per vendor: SQL types, quoting, lookup
 * operators, date parts, NULL ordering, paging, returning keys, DDL variants, connection setup and
 * error translation. The defaults follow ANSI SQL; vendors override what differs.
 *
 * <pre>{@code
 * Dialect d = database.dialect();
 * d.quote("order");   // "order" on PostgreSQL and SQLite, `order` on MariaDB
 * }</pre>
 */
public abstract class Dialect {
    /** For subclasses. */
    protected Dialect() {
    }

    /** {@code sqlite}, {@code postgresql} or {@code mariadb}. */
    public abstract String vendor();

    /** Quotes an identifier (table, column, index or constraint name). */
    public String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** The longest identifier the database accepts. */
    public int maxNameLength() {
        return 63;
    }

    // ---- types ---------------------------------------------------------------------------------

    /** The SQL type of a column (without NULL/PRIMARY KEY); foreign keys take the target key's type. */
    public String columnType(Field f) {
        return switch (f.type()) {
            case AUTO, BIG_INT, DURATION -> "bigint";
            case CHAR, EMAIL, URL, SLUG, ENUM -> "varchar(" + f.maxLength().orElse(255) + ")";
            case TEXT -> "text";
            case SMALL_INT -> "smallint";
            case INT -> "integer";
            case BOOLEAN -> "boolean";
            case DECIMAL -> "numeric(" + f.precision().orElse(10) + ", " + f.scale().orElse(2) + ")";
            case FLOAT -> "real";
            case DOUBLE -> "double precision";
            case DATE -> "date";
            case DATE_TIME -> "timestamp with time zone";
            case TIME -> "time";
            case UUID -> "char(32)";
            case JSON -> "text";
            case BINARY -> "blob";
            case FOREIGN_KEY, ONE_TO_ONE -> {
                Field pk = f.relatedModel().orElseThrow().pk();
                yield pk.type() == FieldType.AUTO ? "bigint" : columnType(pk);
            }
            case MANY_TO_MANY -> throw new IllegalArgumentException("many-to-many fields have no column");
        };
    }

    /**
     * A placeholder that stands for a value of {@code f}'s column where no column gives it a type,
     * e.g. in {@code SELECT ? AS "votes"}; databases that infer parameter types override this.
     */
    public String typedPlaceholder(Field f) {
        return "?";
    }

    /** The complete column definition of an automatic 64-bit primary key. */
    public abstract String autoPrimaryKey();

    /** Text appended to CREATE TABLE (e.g. an engine clause). */
    public String tableOptions() {
        return "";
    }

    // ---- values --------------------------------------------------------------------------------

    /** Converts a Java value of field {@code f} to what the driver binds. */
    public Object toDb(Field f, Object value) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case Enum<?> e -> e.name();
            case Duration d -> d.toNanos() / 1000;
            case UUID u -> HexFormat.of().formatHex(toBytes(u));
            default -> value;
        };
    }

    /** A reader for column values of field {@code f}. */
    public ValueReader reader(Field f) {
        return switch (f.type()) {
            case AUTO, BIG_INT -> (rs, i) -> {
                long v = rs.getLong(i);
                return rs.wasNull() ? null : v;
            };
            case INT -> (rs, i) -> {
                int v = rs.getInt(i);
                return rs.wasNull() ? null : v;
            };
            case SMALL_INT -> (rs, i) -> {
                short v = rs.getShort(i);
                return rs.wasNull() ? null : v;
            };
            case BOOLEAN -> (rs, i) -> {
                boolean v = rs.getBoolean(i);
                return rs.wasNull() ? null : v;
            };
            case FLOAT -> (rs, i) -> {
                float v = rs.getFloat(i);
                return rs.wasNull() ? null : v;
            };
            case DOUBLE -> (rs, i) -> {
                double v = rs.getDouble(i);
                return rs.wasNull() ? null : v;
            };
            case DECIMAL -> {
                int scale = f.scale().orElse(2);
                yield (rs, i) -> {
                    BigDecimal v = rs.getBigDecimal(i);
                    return v == null ? null : v.setScale(scale, RoundingMode.HALF_EVEN);
                };
            }
            case CHAR, TEXT, EMAIL, URL, SLUG, JSON -> (rs, i) -> rs.getString(i);
            case DATE -> (rs, i) -> rs.getObject(i, LocalDate.class);
            case TIME -> (rs, i) -> rs.getObject(i, LocalTime.class);
            case DURATION -> (rs, i) -> {
                long v = rs.getLong(i);
                return rs.wasNull() ? null : Duration.ofNanos(v * 1000);
            };
            case UUID -> (rs, i) -> {
                String s = rs.getString(i);
                return s == null ? null : parseUuid(s);
            };
            case BINARY -> (rs, i) -> rs.getBytes(i);
            case ENUM -> enumReader(f);
            case DATE_TIME -> dateTimeReader();
            case FOREIGN_KEY, ONE_TO_ONE -> reader(f.relatedModel().orElseThrow().pk());
            case MANY_TO_MANY -> throw new IllegalArgumentException("many-to-many fields have no column");
        };
    }

    /** Reader for {@link FieldType#DATE_TIME} columns. */
    protected abstract ValueReader dateTimeReader();

    // ---- lookups -------------------------------------------------------------------------------

    /**
     * The SQL of a text or regex lookup ({@code contains}, {@code icontains}, {@code startswith},
     * {@code istartswith}, {@code endswith}, {@code iendswith}, {@code iexact}, {@code regex}, {@code iregex});
     * {@code rhs} is a placeholder whose value {@link #lookupValue} prepares.
     */
    public String lookup(String lookup, String lhs, String rhs) {
        return switch (lookup) {
            case "iexact" -> "UPPER(" + lhs + ") = UPPER(" + rhs + ")";
            case "contains", "startswith", "endswith" -> lhs + " LIKE " + rhs;
            case "icontains", "istartswith", "iendswith" -> "UPPER(" + lhs + ") LIKE UPPER(" + rhs + ")";
            default -> throw new IllegalArgumentException(vendor() + " does not support lookup " + lookup);
        };
    }

    /** Prepares the bound value of a text lookup, e.g. {@code %text%} with LIKE wildcards escaped. */
    public Object lookupValue(String lookup, String value) {
        return switch (lookup) {
            case "contains", "icontains" -> "%" + escapeLike(value) + "%";
            case "startswith", "istartswith" -> escapeLike(value) + "%";
            case "endswith", "iendswith" -> "%" + escapeLike(value);
            default -> value;
        };
    }

    /** The SQL of a date part: {@code year}, {@code month}, {@code day}, {@code week_day} (1 = Sunday), {@code hour}, {@code minute}. */
    public abstract String extract(String part, String lhs);

    /** One ORDER BY item. */
    public String orderBy(String expr, boolean descending, Order.Nulls nulls) {
        String s = expr + (descending ? " DESC" : " ASC");
        return switch (nulls) {
            case DEFAULT -> s;
            case FIRST -> s + " NULLS FIRST";
            case LAST -> s + " NULLS LAST";
        };
    }

    /**
     * LIMIT/OFFSET with {@code ?} placeholders for the parts present (the limit is bound first), so
     * that pages of the same query share one statement.
     */
    public String limitOffsetPlaceholders(boolean limit, boolean offset) {
        return (limit ? " LIMIT ?" : offset ? noLimit() : "") + (offset ? " OFFSET ?" : "");
    }

    /** The LIMIT clause an OFFSET without a limit needs (none in ANSI SQL, e.g. {@code " LIMIT -1"} on SQLite). */
    protected String noLimit() {
        return "";
    }

    // ---- DDL -----------------------------------------------------------------------------------

    /** Whether ALTER TABLE can change and drop columns and constraints (SQLite rebuilds tables instead). */
    public boolean supportsAlterTable() {
        return true;
    }

    /** Statements that change a column's type and nullability. */
    public String[] alterColumn(String table, String column, String type, boolean nullable) {
        String t = quote(table);
        String c = quote(column);
        return new String[]{
                "ALTER TABLE " + t + " ALTER COLUMN " + c + " TYPE " + type,
                "ALTER TABLE " + t + " ALTER COLUMN " + c + (nullable ? " DROP NOT NULL" : " SET NOT NULL")};
    }

    /** The statement that drops an index. */
    public String dropIndex(String table, String index) {
        return "DROP INDEX " + quote(index);
    }

    /** The statement that drops a unique constraint. */
    public String dropUnique(String table, String name) {
        return "ALTER TABLE " + quote(table) + " DROP CONSTRAINT " + quote(name);
    }

    /** The statement that drops a check constraint. */
    public String dropCheck(String table, String name) {
        return dropUnique(table, name);
    }

    /** The statement that drops a foreign key constraint. */
    public String dropForeignKey(String table, String name) {
        return dropUnique(table, name);
    }

    /** A SQL literal for DDL (check constraints and defaults cannot use parameters). */
    public String literal(Object dbValue) {
        return switch (dbValue) {
            case null -> "NULL";
            case Boolean b -> b ? "TRUE" : "FALSE";
            case Number n -> n.toString();
            default -> "'" + dbValue.toString().replace("'", "''") + "'";
        };
    }

    // ---- connections and errors ----------------------------------------------------------------

    /** Configures the pool for a database URL (driver, JDBC URL, session setup). */
    public abstract void configure(HikariConfig config, DatabaseUrl url);

    /** Prepares a statement whose results are streamed, not buffered. */
    public void prepareStreaming(Statement statement) throws SQLException {
        statement.setFetchSize(500);
    }

    /** Whether streaming needs autocommit off (PostgreSQL cursors). */
    public boolean streamingNeedsTransaction() {
        return false;
    }

    /** Translates a driver exception into a typed error that names the constraint when known. */
    public DbException translate(SQLException e, String alias) {
        if (isConnectionFailure(e)) {
            return new ConnectionUnavailable("db.E030: database '" + alias + "' is unavailable: " + e.getMessage(), e);
        }
        if (isIntegrityViolation(e)) {
            Optional<String> name = constraintName(e);
            return new IntegrityError("Integrity error on database '" + alias + "'"
                    + name.map(n -> ", constraint " + n).orElse("") + ": " + e.getMessage(), name, e);
        }
        return new DbException("Database error on '" + alias + "': " + e.getMessage(), e);
    }

    /**
     * Whether {@code e} means the database cannot be used right now rather than that the statement
     * is wrong: no connection, a connection the server dropped (a restart, a killed session), or a
     * server still starting. Such errors answer 503, not 500. By default SQLSTATE class 08 and the
     * driver's connection exception types; a dialect adds its vendor's codes.
     */
    protected boolean isConnectionFailure(SQLException e) {
        return e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException
                || e instanceof SQLRecoverableException || String.valueOf(e.getSQLState()).startsWith("08");
    }

    /** Whether {@code e} reports a broken constraint (SQLSTATE class 23 by default). */
    protected boolean isIntegrityViolation(SQLException e) {
        return String.valueOf(e.getSQLState()).startsWith("23");
    }

    /** Extracts the violated constraint's name from a driver message. */
    protected abstract Optional<String> constraintName(SQLException e);

    // ---- helpers -------------------------------------------------------------------------------

    /** Group 1 of the first of {@code patterns} found in {@code message}. */
    protected static Optional<String> firstMatch(String message, Pattern... patterns) {
        for (Pattern p : patterns) {
            Matcher m = p.matcher(message);
            if (m.find()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    /** Escapes LIKE wildcards with backslashes. */
    protected static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** A UUID from 32 hex digits or the dashed form. */
    protected static UUID parseUuid(String s) {
        if (s.length() == 32) {
            byte[] b = HexFormat.of().parseHex(s);
            long hi = 0;
            long lo = 0;
            for (int i = 0; i < 8; i++) {
                hi = (hi << 8) | (b[i] & 0xff);
                lo = (lo << 8) | (b[i + 8] & 0xff);
            }
            return new UUID(hi, lo);
        }
        return UUID.fromString(s);
    }

    private static byte[] toBytes(UUID u) {
        byte[] b = new byte[16];
        long hi = u.getMostSignificantBits();
        long lo = u.getLeastSignificantBits();
        for (int i = 7; i >= 0; i--) {
            b[i] = (byte) hi;
            b[i + 8] = (byte) lo;
            hi >>>= 8;
            lo >>>= 8;
        }
        return b;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ValueReader enumReader(Field f) {
        Class<? extends Enum> type = (Class<? extends Enum>) f.enumType().orElseThrow();
        return (rs, i) -> {
            String s = rs.getString(i);
            return s == null ? null : Enum.valueOf(type, s);
        };
    }
}
