package dev.rowan.db.web;

import dev.rowan.db.testing.DbExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A MariaDB server that goes away and comes back; skipped when no server is reachable (unless CI=true). */
class OutageMariaDbTest extends OutageContract {
    @RegisterExtension
    static final DbExtension DB = DbExtension.mariadb().withoutIsolation();

    @Override
    DbExtension db() {
        return DB;
    }
}
