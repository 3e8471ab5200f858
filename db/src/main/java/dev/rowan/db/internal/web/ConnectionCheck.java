package dev.rowan.db.internal.web;

import dev.rowan.core.App;
import dev.rowan.core.Check;
import dev.rowan.db.Database;
import dev.rowan.db.Databases;
import dev.rowan.db.internal.Bridge;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code db.E031}: every configured database answers. Runs before the app serves, so a wrong
 * address or password is reported at startup, not on the first request.
 */
public final class ConnectionCheck implements Check {
    private final ConfiguredDatabases configured;

    /** A check of {@code configured}. */
    public ConnectionCheck(ConfiguredDatabases configured) {
        this.configured = configured;
    }

    @Override
    public List<Result> run(App app) {
        Databases dbs = configured.databases();
        List<Result> out = new ArrayList<>();
        for (String alias : dbs.aliases()) {
            Database db = dbs.get(alias);
            if (!alias.equals("default") && db == dbs.defaultDatabase()) {
                continue;
            }
            // Through the engine's checkout, so a refused server is reported with the driver's reason at once.
            try (Connection c = Bridge.access().engine(db).acquire()) {
                c.isValid(2);
            } catch (SQLException | RuntimeException e) {
                out.add(Result.error("db.E031", "cannot connect to database '" + alias + "' at " + db.url() + ": "
                        + reason(e, db.url().password()), hint(alias)));
            }
        }
        return out;
    }

    private String hint(String alias) {
        String setting = configured.settingOf(alias).orElse("database.url");
        return "Check that the server is running and that the address, user and password in " + setting
                + (setting.equals("database.url") ? " (or DATABASE_URL)" : "") + " are right.";
    }

    /** The innermost cause's message (the driver's own words), with the password masked. */
    static String reason(Throwable e, String password) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (root != e && e.getMessage() != null && !e.getMessage().equals(msg)) {
            msg = msg + " (" + e.getMessage() + ")";
        }
        return password.isEmpty() ? msg : msg.replace(password, "***");
    }
}
