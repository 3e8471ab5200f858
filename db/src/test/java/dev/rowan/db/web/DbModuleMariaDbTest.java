package dev.rowan.db.web;

import dev.rowan.db.testing.DbExtension;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The same behaviour on MariaDB: a throwaway database; skipped when no server is reachable (unless CI=true). */
class DbModuleMariaDbTest extends DbModuleContract {
    @RegisterExtension
    static final DbExtension DB = DbExtension.mariadb().withoutIsolation();

    @Override
    String url() {
        return DB.database().url().toString();
    }

    @Override
    Optional<String> killOwnConnection() {
        return Optional.of("KILL CONNECTION_ID()");
    }
}
