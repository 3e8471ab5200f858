package dev.rowan.db.library;

import dev.rowan.db.testing.DbExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

class OrmMariaDbTest extends OrmContract {
    @RegisterExtension
    static final DbExtension DB = extension("mariadb");

    @Override
    DbExtension ext() {
        return DB;
    }
}
