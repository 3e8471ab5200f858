package dev.rowan.db.library;

import dev.rowan.db.testing.DbExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

class OrmSqliteTest extends OrmContract {
    @RegisterExtension
    static final DbExtension DB = extension("sqlite");

    @Override
    DbExtension ext() {
        return DB;
    }
}
