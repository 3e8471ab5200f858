package dev.rowan.db;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The named databases of an application; one of them is {@code default}. Managers such as
 * {@code Question.objects} run against the installed set (the app installs it at startup; tests
 * through {@code dev.rowan.db.testing.DbExtension}); {@code using(...)} picks another database.
 *
 * <pre>{@code
 * Databases.install(Databases.of(Database.connect("sqlite:db.sqlite3"),
 *         Database.builder("postgresql://app@reports/app").alias("reports").build()));
 * Question.objects.using("reports").count();
 * }</pre>
 */
public final class Databases implements AutoCloseable {
    private static volatile Databases installed;

    private final Map<String, Database> byAlias;

    private Databases(Map<String, Database> byAlias) {
        this.byAlias = Map.copyOf(byAlias);
    }

    /** A set of databases; the first one is the default unless one has the alias {@code default}. */
    public static Databases of(Database... databases) {
        Map<String, Database> map = new LinkedHashMap<>();
        for (Database d : databases) {
            if (map.putIfAbsent(d.alias(), d) != null) {
                throw new IllegalArgumentException("db.E021: two databases share the alias '" + d.alias() + "'");
            }
        }
        if (!map.containsKey("default") && databases.length > 0) {
            map.put("default", databases[0]);
        }
        return new Databases(map);
    }

    /** Makes {@code databases} the set managers use; returns the previously installed set, if any. */
    public static Optional<Databases> install(Databases databases) {
        Databases previous = installed;
        installed = databases;
        return Optional.ofNullable(previous);
    }

    /** Removes the installed set (it is not closed). */
    public static void uninstall() {
        installed = null;
    }

    /** The installed set, if any. */
    public static Optional<Databases> installed() {
        return Optional.ofNullable(installed);
    }

    /** The installed set, or an error that says how to install one. */
    public static Databases current() {
        Databases d = installed;
        if (d == null) {
            throw new IllegalStateException("db.E022: no database is configured; call Databases.install(Databases.of("
                    + "Database.connect(\"sqlite:db.sqlite3\"))) at startup, or pass a database with using(db)");
        }
        return d;
    }

    /** The database with {@code alias}, or an error listing the aliases. */
    public Database get(String alias) {
        Database d = byAlias.get(alias);
        if (d == null) {
            throw new IllegalArgumentException("db.E023: no database with alias '" + alias + "'; configured: " + byAlias.keySet());
        }
        return d;
    }

    /** The {@code default} database. */
    public Database defaultDatabase() {
        return get("default");
    }

    /** All aliases. */
    public Set<String> aliases() {
        return byAlias.keySet();
    }

    /** Closes every pool. */
    @Override
    public void close() {
        byAlias.values().stream().distinct().forEach(Database::close);
    }
}
