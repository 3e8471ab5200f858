package dev.rowan.db.library;

import dev.rowan.db.testing.DbExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

class OrmDetailsMariaDbTest extends OrmDetailsContract {
    @RegisterExtension
    static final DbExtension DB = extension("mariadb");

    @Override
    DbExtension ext() {
        return DB;
    }
}
