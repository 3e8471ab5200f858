package dev.rowan.db.library;

import dev.rowan.db.testing.DbExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

class OrmDetailsPostgresTest extends OrmDetailsContract {
    @RegisterExtension
    static final DbExtension DB = extension("postgresql");

    @Override
    DbExtension ext() {
        return DB;
    }
}
