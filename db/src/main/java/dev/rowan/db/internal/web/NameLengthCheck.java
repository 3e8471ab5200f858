package dev.rowan.db.internal.web;

import dev.rowan.core.App;
import dev.rowan.core.Check;
import dev.rowan.db.Constraint;
import dev.rowan.db.Databases;
import dev.rowan.db.Field;
import dev.rowan.db.Index;
import dev.rowan.db.ModelMeta;
import dev.rowan.db.spi.Dialect;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code db.E032}: every table, column, index and constraint name of the registered models fits the
 * strictest configured database. PostgreSQL cuts a longer name silently (two long names can become
 * the same one); MariaDB refuses it when the migration runs. Either way it is better said at startup.
 * Names Rowan generates itself are already shortened with a hash; this catches the ones a model sets.
 */
public final class NameLengthCheck implements Check {
    private final ConfiguredDatabases configured;
    private final List<ModelMeta<?>> models;

    /** A check of {@code models} against the databases in {@code configured}. */
    public NameLengthCheck(ConfiguredDatabases configured, List<ModelMeta<?>> models) {
        this.configured = configured;
        this.models = List.copyOf(models);
    }

    @Override
    public List<Result> run(App app) {
        Dialect strictest = strictest(configured.databases());
        List<Result> out = new ArrayList<>();
        for (ModelMeta<?> model : models) {
            check(out, strictest, model, "table", model.table(), "name the table in the model: m.table(\"shorter_name\")");
            for (Field f : model.concreteFields()) {
                check(out, strictest, model, "column of field '" + f.name() + "'", f.column(),
                        "give the field a shorter column: .column(\"shorter_name\")");
            }
            for (Index index : model.indexes()) {
                check(out, strictest, model, "index", index.name(), "choose a shorter name in Index.on(...)");
            }
            for (Constraint constraint : model.constraints()) {
                check(out, strictest, model, "constraint", constraint.name(), "choose a shorter name for the constraint");
            }
        }
        return out;
    }

    private static Dialect strictest(Databases dbs) {
        Dialect strictest = null;
        for (String alias : dbs.aliases()) {
            Dialect d = dbs.get(alias).dialect();
            if (strictest == null || d.maxNameLength() < strictest.maxNameLength()) {
                strictest = d;
            }
        }
        return strictest;
    }

    private static void check(List<Result> out, Dialect d, ModelMeta<?> model, String kind, String name, String hint) {
        if (d != null && name.length() > d.maxNameLength()) {
            out.add(Result.error("db.E032", model.label() + ": the " + kind + " name '" + name + "' has " + name.length()
                    + " characters; " + d.vendor() + " allows at most " + d.maxNameLength() + ".", "Shorten it: " + hint + "."));
        }
    }
}
