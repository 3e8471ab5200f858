package dev.rowan.db.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rowan.db.Constraint;
import dev.rowan.db.Database;
import dev.rowan.db.Fields;
import dev.rowan.db.Index;
import dev.rowan.db.IntegrityError;
import dev.rowan.db.Q;
import dev.rowan.db.SchemaEditor;
import dev.rowan.db.testing.DbExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Operation-level DDL on each database, plus commits and on-commit callbacks (no rollback isolation here). */
abstract class SchemaEditorContract {
    abstract DbExtension ext();

    Database db() {
        return ext().database();
    }

    @BeforeEach
    void create() {
        db().createTables(Item.META);
        Item i = new Item();
        i.name = "apple";
        i.qty = 3;
        i.save();
    }

    @AfterEach
    void drop() {
        db().dropTables(Item.META);
    }

    @Test
    void addAndDropColumn() {
        SchemaEditor ed = db().schemaEditor();
        var score = Fields.integer().defaultValue(5).build(Item.META, "score");
        ed.addField(Item.META, score);
        assertThat(columns()).contains("score");
        assertThat(db().execute("UPDATE schema_item SET score = score + 1 WHERE score = 5")).isEqualTo(1);
        ed.removeField(Item.META, score);
        assertThat(columns()).doesNotContain("score");
        assertThat(Item.objects.using(db()).get("name", "apple").qty).isEqualTo(3);
    }

    @Test
    void alterColumnTypeNameAndNullabilityKeepsData() {
        SchemaEditor ed = db().schemaEditor();
        ed.alterField(Item.META, Item.META.requireField("qty"), Fields.bigInt().column("quantity").build(Item.META, "qty"));
        assertThat(columns()).contains("quantity").doesNotContain("qty");
        assertThat(db().execute("UPDATE schema_item SET quantity = quantity + 1 WHERE quantity = 3")).isEqualTo(1);
        assertThatThrownBy(() -> db().execute("INSERT INTO schema_item (name, quantity) VALUES ('x', NULL)"))
                .isInstanceOf(IntegrityError.class);
    }

    @Test
    void renameColumnOnly() {
        SchemaEditor ed = db().schemaEditor();
        ed.alterField(Item.META, Item.META.requireField("name"), Fields.charField(30).column("title").build(Item.META, "name"));
        assertThat(columns()).contains("title").doesNotContain("name");
        assertThat(ed.collectedSql()).anySatisfy(s -> assertThat(s).contains("RENAME COLUMN"));
    }

    @Test
    void indexesAndConstraints() {
        SchemaEditor ed = db().schemaEditor();
        ed.addIndex(Item.META, Index.on("schema_item_name_idx", "name"));
        ed.removeIndex(Item.META, Index.on("schema_item_name_idx", "name"));
        Constraint unique = Constraint.unique("schema_item_name_uniq", "name");
        ed.addConstraint(Item.META, unique);
        assertThatThrownBy(() -> db().execute("INSERT INTO schema_item (name, qty) VALUES ('apple', 1)"))
                .isInstanceOfSatisfying(IntegrityError.class, e -> assertThat(e.getMessage()).contains("name"));
        ed.removeConstraint(Item.META, unique);
        db().execute("INSERT INTO schema_item (name, qty) VALUES ('apple', 1)");
        Constraint check = Constraint.check("schema_item_qty_positive", Q.of("qty__gt", 0));
        ed.addConstraint(Item.META, check);
        assertThatThrownBy(() -> db().execute("INSERT INTO schema_item (name, qty) VALUES ('pear', 0)"))
                .isInstanceOfSatisfying(IntegrityError.class, e -> assertThat(e.constraint()).contains("schema_item_qty_positive"));
        ed.removeConstraint(Item.META, check);
        db().execute("INSERT INTO schema_item (name, qty) VALUES ('pear', 0)");
    }

    @Test
    void collectingEditorRunsNothing() {
        SchemaEditor ed = db().collectingSchemaEditor();
        ed.addField(Item.META, Fields.text().nullable().build(Item.META, "note"));
        assertThat(ed.collectedSql()).isNotEmpty();
        assertThat(columns()).doesNotContain("note");
    }

    @Test
    void onCommitRunsAfterCommitOnlyAndDataIsCommitted() {
        AtomicInteger calls = new AtomicInteger();
        db().atomic(() -> {
            db().onCommit(calls::incrementAndGet);
            assertThat(calls).hasValue(0);
        });
        assertThat(calls).hasValue(1);
        try {
            db().atomic(() -> {
                db().onCommit(calls::incrementAndGet);
                throw new IllegalStateException("rollback");
            });
        } catch (IllegalStateException expected) {
            // rolled back: the callback is dropped
        }
        db().atomic(() -> {
            try {
                db().atomic(() -> {
                    db().onCommit(calls::incrementAndGet);
                    throw new IllegalStateException("inner");
                });
            } catch (IllegalStateException expected) {
                // the inner savepoint's callback is dropped too
            }
        });
        assertThat(calls).hasValue(1);
    }

    private List<String> columns() {
        try (Connection c = db().dataSource().getConnection();
             ResultSet rs = c.getMetaData().getColumns(c.getCatalog(), null, "schema_item", null)) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString("COLUMN_NAME").toLowerCase());
            }
            return names;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
