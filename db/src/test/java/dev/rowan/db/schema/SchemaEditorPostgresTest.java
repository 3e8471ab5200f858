package dev.rowan.db.schema;

import dev.rowan.db.testing.DbExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

class SchemaEditorPostgresTest extends SchemaEditorContract {
    @RegisterExtension
    static final DbExtension DB = DbExtension.forVendor("postgresql").withoutIsolation();

    @Override
    DbExtension ext() {
        return DB;
    }
}
