package dev.rowan.db.schema;

import dev.rowan.db.testing.DbExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

class SchemaEditorSqliteTest extends SchemaEditorContract {
    @RegisterExtension
    static final DbExtension DB = DbExtension.forVendor("sqlite").withoutIsolation();

    @Override
    DbExtension ext() {
        return DB;
    }
}
