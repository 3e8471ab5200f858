package dev.rowan.db;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A parsed database URL: {@code sqlite:db.sqlite3}, {@code sqlite::memory:},
 * {@code postgresql://user:pass@host:5432/name}, {@code mariadb://root@127.0.0.1:3306/name}
 * ({@code postgres://} and {@code mysql://} are accepted too). Query parameters are passed to the driver.
 *
 * <pre>{@code
 * DatabaseUrl url = DatabaseUrl.parse("postgresql://postgres@127.0.0.1:5432/test");
 * url.database();   // "test"
 * }</pre>
 *
 * @param vendor   {@code sqlite}, {@code postgresql} or {@code mariadb}
 * @param host     server host (empty for SQLite)
 * @param port     server port (0 for SQLite)
 * @param database database name, or the file path for SQLite
 * @param user     user name (may be empty)
 * @param password password (may be empty)
 * @param params   extra driver parameters
 */
public record DatabaseUrl(String vendor, String host, int port, String database, String user, String password,
                          Map<String, String> params) {
    /** Copies the parameters. */
    public DatabaseUrl {
        params = Map.copyOf(params);
    }

    /** Parses a URL; the message of the exception shows the accepted forms. */
    public static DatabaseUrl parse(String url) {
        if (url.startsWith("sqlite:")) {
            String path = url.substring("sqlite:".length());
            if (path.startsWith("///")) {
                path = path.substring(2);
            } else if (path.startsWith("//")) {
                path = path.substring(2);
            }
            return new DatabaseUrl("sqlite", "", 0, path.isEmpty() ? ":memory:" : path, "", "", Map.of());
        }
        String scheme = url.contains("://") ? url.substring(0, url.indexOf("://")) : "";
        String vendor = switch (scheme) {
            case "postgresql", "postgres", "pgsql" -> "postgresql";
            case "mariadb", "mysql" -> "mariadb";
            default -> throw new IllegalArgumentException("db.E020: unsupported database URL '" + url
                    + "'; use sqlite:db.sqlite3, postgresql://user@host:5432/name or mariadb://user@host:3306/name");
        };
        URI uri = URI.create(url);
        String userInfo = uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo();
        String user = decode(userInfo.contains(":") ? userInfo.substring(0, userInfo.indexOf(':')) : userInfo);
        String password = decode(userInfo.contains(":") ? userInfo.substring(userInfo.indexOf(':') + 1) : "");
        int port = uri.getPort() > 0 ? uri.getPort() : "postgresql".equals(vendor) ? 5432 : 3306;
        String db = uri.getPath() == null || uri.getPath().length() <= 1 ? "" : uri.getPath().substring(1);
        Map<String, String> params = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String kv : uri.getRawQuery().split("&")) {
                int eq = kv.indexOf('=');
                params.put(decode(eq < 0 ? kv : kv.substring(0, eq)), eq < 0 ? "" : decode(kv.substring(eq + 1)));
            }
        }
        return new DatabaseUrl(vendor, uri.getHost() == null ? "127.0.0.1" : uri.getHost(), port, db, user, password, params);
    }

    /** The same server with another database name. */
    public DatabaseUrl withDatabase(String name) {
        return new DatabaseUrl(vendor, host, port, name, user, password, params);
    }

    /** The JDBC URL for the driver. */
    public String jdbcUrl() {
        return switch (vendor) {
            case "sqlite" -> "jdbc:sqlite:" + database;
            case "postgresql" -> "jdbc:postgresql://" + host + ":" + port + "/" + database;
            default -> "jdbc:mariadb://" + host + ":" + port + "/" + database;
        };
    }

    /** The URL without the password, for logs and errors. */
    @Override
    public String toString() {
        if ("sqlite".equals(vendor)) {
            return "sqlite:" + database;
        }
        return vendor + "://" + (user.isEmpty() ? "" : user + (password.isEmpty() ? "" : ":***") + "@") + host + ":" + port + "/" + database;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
