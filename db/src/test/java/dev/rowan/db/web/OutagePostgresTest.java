package dev.rowan.db.web;

import dev.rowan.db.testing.DbExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A PostgreSQL server that goes away and comes back; skipped when no server is reachable (unless CI=true). */
class OutagePostgresTest extends OutageContract {
    @RegisterExtension
    static final DbExtension DB = DbExtension.postgresql().withoutIsolation();

    @Override
    DbExtension db() {
        return DB;
    }
}
