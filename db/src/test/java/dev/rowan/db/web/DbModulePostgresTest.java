package dev.rowan.db.web;

import dev.rowan.db.testing.DbExtension;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The same behaviour on PostgreSQL: a throwaway database; skipped when no server is reachable (unless CI=true). */
class DbModulePostgresTest extends DbModuleContract {
    @RegisterExtension
    static final DbExtension DB = DbExtension.postgresql().withoutIsolation();

    @Override
    String url() {
        return DB.database().url().toString();
    }

    @Override
    Optional<String> killOwnConnection() {
        return Optional.of("SELECT pg_terminate_backend(pg_backend_pid())");
    }
}
