package dev.rowan.db.library;

import dev.rowan.db.testing.DbExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

class OrmDetailsSqliteTest extends OrmDetailsContract {
    @RegisterExtension
    static final DbExtension DB = extension("sqlite");

    @Override
    DbExtension ext() {
        return DB;
    }
}
