package dev.rowan.db.internal;

import dev.rowan.db.Field;
import dev.rowan.db.ModelMeta;
import dev.rowan.db.OnDelete;
import dev.rowan.db.ProtectedError;
import dev.rowan.db.Q;
import dev.rowan.db.RelatedObject;
import dev.rowan.db.spi.Dialect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Deletes rows with the on-delete rules of every relation pointing at them, the same way on every
 * database: collect what cascades, refuse if something protects, then set-null, then delete
 * children before parents, all in one transaction.
 */
public final class Deleter {
    private static final int CHUNK = 500;

    private final Engine engine;
    private final Map<ModelMeta<?>, Set<Object>> doomed = new LinkedHashMap<>();
    private final List<Restricted> restricted = new ArrayList<>();
    private final List<Runnable> fieldUpdates = new ArrayList<>();

    private record Restricted(Field fk, List<Object> parents) {
    }

    private Deleter(Engine engine) {
        this.engine = engine;
    }

    /** Deletes rows of {@code meta} with keys {@code pks}; returns how many rows of all models were deleted. */
    public static int delete(Engine engine, ModelMeta<?> meta, List<Object> pks) {
        if (pks.isEmpty()) {
            return 0;
        }
        return engine.atomic(() -> {
            Deleter d = new Deleter(engine);
            d.collect(meta, pks);
            d.checkRestricted();
            d.fieldUpdates.forEach(Runnable::run);
            return d.execute();
        });
    }

    private void collect(ModelMeta<?> meta, List<Object> pks) {
        Set<Object> set = doomed.computeIfAbsent(meta, k -> new LinkedHashSet<>());
        List<Object> fresh = new ArrayList<>();
        for (Object pk : pks) {
            if (set.add(pk)) {
                fresh.add(pk);
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        for (RelatedObject rel : meta.relatedObjects()) {
            Field fk = rel.field();
            if (!fk.concrete()) {
                continue;
            }
            OnDelete rule = fk.onDelete().orElse(OnDelete.CASCADE);
            switch (rule) {
                case CASCADE -> collect(fk.model(), childKeys(fk, fresh));
                case PROTECT -> {
                    if (!childKeys(fk, fresh).isEmpty()) {
                        throw new ProtectedError("db.E040: cannot delete " + meta.label() + " rows because they are referenced"
                                + " through the protected foreign key " + fk, fk.toString());
                    }
                }
                case RESTRICT -> restricted.add(new Restricted(fk, fresh));
                case SET_NULL -> fieldUpdates.add(() -> setField(fk, fresh, null));
                case SET_DEFAULT -> fieldUpdates.add(() -> setField(fk, fresh, fk.defaultValue().orElse(null)));
                case DO_NOTHING -> {
                    // the database's own constraint decides
                }
            }
        }
    }

    private void checkRestricted() {
        for (Restricted r : restricted) {
            Set<Object> dying = doomed.getOrDefault(r.fk.model(), Set.of());
            for (Object child : childKeys(r.fk, r.parents)) {
                if (!dying.contains(child)) {
                    throw new ProtectedError("db.E041: cannot delete " + r.fk.relatedModel().orElseThrow().label()
                            + " rows because " + r.fk.model().label() + " rows reference them through the restricted"
                            + " foreign key " + r.fk + " and are not deleted by a cascade", r.fk.toString());
                }
            }
        }
    }

    private int execute() {
        Dialect d = engine.dialect();
        List<ModelMeta<?>> order = new ArrayList<>(doomed.keySet());
        int total = 0;
        for (ModelMeta<?> meta : order) {
            for (Field m2m : meta.manyToManyFields()) {
                if (!m2m.hasExplicitThrough()) {
                    Through t = Through.of(m2m);
                    deleteWhere(d, t.meta(), t.from(), doomed.get(meta));
                }
            }
            for (RelatedObject rel : meta.relatedObjects()) {
                if (!rel.field().concrete() && !rel.field().hasExplicitThrough()) {
                    Through t = Through.of(rel.field());
                    deleteWhere(d, t.meta(), t.to(), doomed.get(meta));
                }
            }
        }
        for (int i = order.size() - 1; i >= 0; i--) {
            ModelMeta<?> meta = order.get(i);
            total += deleteWhere(d, meta, meta.pk(), doomed.get(meta));
        }
        return total;
    }

    private int deleteWhere(Dialect d, ModelMeta<?> meta, Field column, Set<Object> keys) {
        List<Object> all = new ArrayList<>(keys);
        int total = 0;
        for (int i = 0; i < all.size(); i += CHUNK) {
            List<Object> chunk = all.subList(i, Math.min(all.size(), i + CHUNK));
            List<Object> params = new ArrayList<>();
            for (Object k : chunk) {
                params.add(Values.toDb(d, column, k));
            }
            String sql = "DELETE FROM " + d.quote(meta.table()) + " WHERE " + d.quote(column.column())
                    + " IN (" + "?, ".repeat(chunk.size() - 1) + "?)";
            total += engine.update(sql, params);
        }
        return total;
    }

    private List<Object> childKeys(Field fk, List<Object> parents) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < parents.size(); i += CHUNK) {
            QueryState s = new QueryState(fk.model());
            s.where = Q.of(fk.name() + "__in", parents.subList(i, Math.min(parents.size(), i + CHUNK)));
            s.order = List.of();
            out.addAll(Executor.list(engine, new Compiler(engine.dialect(), s, engine.database()).selectPks()));
        }
        return out;
    }

    private void setField(Field fk, List<Object> parents, Object value) {
        for (int i = 0; i < parents.size(); i += CHUNK) {
            QueryState s = new QueryState(fk.model());
            s.where = Q.of(fk.name() + "__in", parents.subList(i, Math.min(parents.size(), i + CHUNK)));
            Map<String, Object> change = new LinkedHashMap<>();
            change.put(fk.name(), value);
            CompiledSelect<Void> u = new Compiler(engine.dialect(), s, engine.database()).update(change);
            engine.update(u.sql(), u.params());
        }
    }
}
