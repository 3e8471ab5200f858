package dev.rowan.db.internal;

import dev.rowan.db.Field;
import dev.rowan.db.FieldError;
import dev.rowan.db.FieldType;
import dev.rowan.db.Model;
import dev.rowan.db.ModelMeta;
import dev.rowan.db.Q;
import dev.rowan.db.Ref;
import dev.rowan.db.RelatedObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Loads relations of many rows with one query per relation level (no N+1). */
public final class Prefetcher {
    private static final int CHUNK = 500;

    private Prefetcher() {
    }

    /** Prefetches each path (levels separated by {@code __}) onto {@code rows}. */
    public static void prefetch(List<? extends Model> rows, List<String> paths, Engine engine) {
        for (String path : paths) {
            level(rows, List.of(path.split("__")), engine);
        }
    }

    private static void level(List<? extends Model> rows, List<String> parts, Engine engine) {
        if (rows.isEmpty() || parts.isEmpty()) {
            return;
        }
        ModelMeta<?> meta = rows.getFirst().meta();
        String name = parts.getFirst();
        Optional<Field> field = meta.field(name);
        List<Model> next;
        if (field.isPresent() && field.get().concrete() && field.get().type().isRelation()) {
            next = forward(rows, field.get(), engine);
        } else if (field.isPresent() && field.get().type() == FieldType.MANY_TO_MANY) {
            Through t = Through.of(field.get());
            next = viaThrough(rows, name, t.from(), t.to(), field.get().relatedModel().orElseThrow(), engine);
        } else {
            RelatedObject rel = meta.relatedObject(name).orElseThrow(() -> new FieldError("db.E111: cannot prefetch '" + name
                    + "' on " + meta.label() + "; choices are: " + String.join(", ", meta.choiceNames())));
            if (rel.field().concrete()) {
                next = reverse(rows, rel, engine);
            } else {
                Through t = Through.of(rel.field());
                next = viaThrough(rows, name, t.to(), t.from(), rel.relatedModel(), engine);
            }
        }
        level(next, parts.subList(1, parts.size()), engine);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<Model> forward(List<? extends Model> rows, Field fk, Engine engine) {
        ModelMeta<?> target = fk.relatedModel().orElseThrow();
        Set<Object> ids = new LinkedHashSet<>();
        for (Model m : rows) {
            Ref<?> r = (Ref<?>) fk.valueOf(m);
            if (r != null) {
                ids.add(r.id());
            }
        }
        Map<Object, Model> byId = byPk(load(target, target.pk().name(), ids, engine), target);
        for (Model m : rows) {
            Ref<?> r = (Ref<?>) fk.valueOf(m);
            if (r != null && byId.containsKey(r.id())) {
                fk.setValue(m, Bridge.access().ref((ModelMeta) target, r.id(), byId.get(r.id()), engine.database()));
            }
        }
        return new ArrayList<>(byId.values());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<Model> reverse(List<? extends Model> rows, RelatedObject rel, Engine engine) {
        Field fk = rel.field();
        Map<Object, Model> parents = byPk(rows, rows.getFirst().meta());
        List<Model> children = load(rel.relatedModel(), fk.name(), parents.keySet(), engine);
        Map<Object, List<Model>> grouped = new HashMap<>();
        for (Model c : children) {
            Ref<?> r = (Ref<?>) fk.valueOf(c);
            Model parent = parents.get(r.id());
            grouped.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(c);
            fk.setValue(c, Bridge.access().ref((ModelMeta) parent.meta(), r.id(), parent, engine.database()));
        }
        parents.forEach((id, p) -> Bridge.access().state(p).prefetch(rel.name(), List.copyOf(grouped.getOrDefault(id, List.of()))));
        return children;
    }

    private static List<Model> viaThrough(List<? extends Model> rows, String name, Field near, Field far, ModelMeta<?> target,
                                          Engine engine) {
        Map<Object, Model> owners = byPk(rows, rows.getFirst().meta());
        List<Object[]> pairs = new ArrayList<>();
        List<Object> keys = new ArrayList<>(owners.keySet());
        for (int i = 0; i < keys.size(); i += CHUNK) {
            QueryState s = new QueryState(near.model());
            s.values = List.of(near.name(), far.name());
            s.where = Q.of(near.name() + "__in", keys.subList(i, Math.min(keys.size(), i + CHUNK)));
            s.order = List.of();
            for (Map<String, Object> row : Executor.list(engine, new Compiler(engine.dialect(), s, engine.database()).selectValues())) {
                pairs.add(new Object[]{row.get(near.name()), row.get(far.name())});
            }
        }
        Set<Object> farIds = new LinkedHashSet<>();
        pairs.forEach(p -> farIds.add(p[1]));
        Map<Object, Model> targets = byPk(load(target, target.pk().name(), farIds, engine), target);
        Map<Object, List<Model>> grouped = new HashMap<>();
        for (Object[] p : pairs) {
            Model t = targets.get(p[1]);
            if (t != null) {
                grouped.computeIfAbsent(p[0], k -> new ArrayList<>()).add(t);
            }
        }
        owners.forEach((id, o) -> Bridge.access().state(o).prefetch(name, List.copyOf(grouped.getOrDefault(id, List.of()))));
        return new ArrayList<>(targets.values());
    }

    private static List<Model> load(ModelMeta<?> meta, String field, Set<Object> keys, Engine engine) {
        List<Object> all = new ArrayList<>(keys);
        List<Model> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            QueryState s = new QueryState(meta);
            s.where = Q.of(field + "__in", all.subList(i, Math.min(all.size(), i + CHUNK)));
            out.addAll(Executor.list(engine, new Compiler(engine.dialect(), s, engine.database()).selectModels()));
        }
        return out;
    }

    private static Map<Object, Model> byPk(List<? extends Model> rows, ModelMeta<?> meta) {
        Map<Object, Model> map = new java.util.LinkedHashMap<>();
        for (Model m : rows) {
            map.put(meta.pk().valueOf(m), m);
        }
        return map;
    }
}
