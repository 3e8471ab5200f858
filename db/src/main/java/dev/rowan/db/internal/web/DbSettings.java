package dev.rowan.db.internal.web;

import dev.rowan.core.Setting;
import dev.rowan.core.Setting.Type;

import java.util.List;

/** The settings the database module reads, declared when it is installed. */
public final class DbSettings {
    private DbSettings() {
    }

    public static final List<Setting> ALL = List.of(
            Setting.of("database.url", Type.URL, ConfiguredDatabases.DEFAULT_URL, "The default database: sqlite:file, "
                    + "postgresql://user:pass@host:5432/name or mariadb://user@host:3306/name.").alsoFromEnvironment("DATABASE_URL"),
            Setting.of("database.<alias>.url", Type.URL, "", "Another database, used with using(\"alias\")."),
            Setting.of("database.max-pool-size", Type.INTEGER, "10", "Connections each database's pool may open."),
            Setting.of("database.<alias>.max-pool-size", Type.INTEGER, "the value of database.max-pool-size", "The pool size of one database."),
            Setting.of("database.connection-timeout", Type.DURATION, "10s", "How long a request waits for a free connection "
                    + "before failing (db.E030); while the server is known to be down, requests fail at once instead."),
            Setting.of("database.<alias>.connection-timeout", Type.DURATION, "the value of database.connection-timeout",
                    "The connection timeout of one database."));
}
