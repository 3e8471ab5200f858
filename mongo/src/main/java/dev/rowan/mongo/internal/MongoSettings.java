package dev.rowan.mongo.internal;

import dev.rowan.core.Config;
import dev.rowan.core.Setting;
import dev.rowan.core.Setting.Type;

import java.util.List;

/** The settings the MongoDB module reads, declared when it is installed. */
public final class MongoSettings {
    private MongoSettings() {
    }

    public static final List<Setting> ALL = List.of(
            Setting.of("mongodb.uri", Type.URL, "", "The MongoDB server, mongodb://user:password@host:27017/name; without it the "
                    + "in-process server is used where allowed.").alsoFromEnvironment("MONGODB_URI"),
            Setting.of("mongodb.database", Type.TEXT, "the URI's database, else rowan", "The database the app's collections live in."),
            Setting.of("mongodb.embedded", Type.BOOLEAN, "true", "Allows the in-process server when no URI is set.")
                    .inProfile(Config.PROD, "false"),
            Setting.of("mongodb.embedded-file", Type.PATH, "data/mongo.mv", "The in-process server's data file; memory keeps "
                    + "nothing."),
            Setting.of("mongodb.server-selection-timeout", Type.DURATION, "5s", "How long an operation waits for a reachable "
                    + "server before it fails."));
}
