package dev.rowan.db;

import dev.rowan.db.internal.Bridge;
import dev.rowan.db.internal.Engine;
import dev.rowan.db.internal.Through;
import dev.rowan.db.internal.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The rows related to one instance: the reverse side of a foreign key ({@code question.choices()})
 * or either side of a many-to-many relation ({@code pizza.toppings()}). Obtained from the accessor
 * methods a model declares with {@code reverse(...)}, {@code many(...)} or {@code reverseMany(...)}.
 *
 * <pre>{@code
 * public RelatedManager<Choice> choices() { return reverse(Choice.class, "question"); }
 *
 * q.choices().create(c -> { c.choiceText = "Not much"; c.votes = 0; });
 * q.choices().count();
 * q.choices().filter("choiceText__startswith", "Just hacking").delete();
 * }</pre>
 *
 * @param <R> the related model
 */
public final class RelatedManager<R extends Model> {
    private final Model owner;
    private final ModelMeta<R> related;
    private final Field field;
    private final Kind kind;

    private enum Kind { REVERSE_FK, MANY, REVERSE_MANY }

    private RelatedManager(Model owner, ModelMeta<R> related, Field field, Kind kind) {
        this.owner = owner;
        this.related = related;
        this.field = field;
        this.kind = kind;
    }

    static <R extends Model> RelatedManager<R> reverse(Model owner, ModelMeta<R> child, String fkField) {
        Field f = child.requireField(fkField);
        if (f.type() != FieldType.FOREIGN_KEY && f.type() != FieldType.ONE_TO_ONE || !f.relatedModel().orElseThrow().type().isInstance(owner)) {
            throw new FieldError("db.E120: " + f + " is not a foreign key to " + owner.meta().label());
        }
        return new RelatedManager<>(owner, child, f, Kind.REVERSE_FK);
    }

    @SuppressWarnings("unchecked")
    static <R extends Model> RelatedManager<R> many(Model owner, String m2mField) {
        Field f = owner.meta().requireField(m2mField);
        if (f.type() != FieldType.MANY_TO_MANY) {
            throw new FieldError("db.E121: " + f + " is not a many-to-many field");
        }
        return new RelatedManager<>(owner, (ModelMeta<R>) f.relatedModel().orElseThrow(), f, Kind.MANY);
    }

    static <R extends Model> RelatedManager<R> reverseMany(Model owner, ModelMeta<R> other, String m2mField) {
        Field f = other.requireField(m2mField);
        if (f.type() != FieldType.MANY_TO_MANY) {
            throw new FieldError("db.E121: " + f + " is not a many-to-many field");
        }
        return new RelatedManager<>(owner, other, f, Kind.REVERSE_MANY);
    }

    /**
     * The related rows as a query set. After {@code prefetchRelated} loaded this relation, the query
     * set holds those rows and its reads ({@code list}, {@code count}, {@code first}, {@code exists},
     * ...) run no query; a derived query set ({@code all().filter(...)}, {@code orderBy}) queries.
     */
    @SuppressWarnings("unchecked")
    public QuerySet<R> all() {
        QuerySet<R> qs = Manager.of(related).all();
        Database db = owner.state().db;
        if (db != null) {
            qs = qs.using(db);
        }
        Object pk = owner.pk().orElseThrow(() -> new IllegalStateException(
                "db.E013: " + owner.meta().label() + " must be saved before its related rows are used"));
        QuerySet<R> related = switch (kind) {
            case REVERSE_FK, REVERSE_MANY -> qs.filter(field.name(), pk);
            case MANY -> qs.filter(field.relatedName(), pk);
        };
        List<? extends Model> cached = owner.state().prefetched.get(cacheName());
        return cached == null ? related : related.withPrefetched((List<R>) cached);
    }

    /** The related rows: the prefetched ones if {@code prefetchRelated} loaded them, else a query. */
    public List<R> list() {
        return all().list();
    }

    /** Related rows matching a condition (always a query, as in Django). */
    public QuerySet<R> filter(String path, Object value) {
        return all().filter(path, value);
    }

    /** Related rows matching conditions (always a query). */
    public QuerySet<R> filter(Q... conditions) {
        return all().filter(conditions);
    }

    /** Number of related rows (the prefetched count when loaded). */
    public long count() {
        return all().count();
    }

    /** Creates a related row, already linked to the owner. */
    public R create(Consumer<? super R> init) {
        R obj = related.newInstance();
        if (kind == Kind.REVERSE_FK) {
            field.setValue(obj, Ref.to(owner));
        }
        init.accept(obj);
        Engine e = engine();
        forgetPrefetched();
        return e.atomic(() -> {
            obj.save(e.database());
            if (kind != Kind.REVERSE_FK) {
                add(List.of(obj));
            }
            return obj;
        });
    }

    /** Links existing rows to the owner (sets the foreign key and saves, or inserts join rows). */
    @SafeVarargs
    public final void add(R... objects) {
        List<R> l = new ArrayList<>();
        for (R o : objects) {
            l.add(o);
        }
        add(l);
    }

    /** Unlinks rows (sets a nullable foreign key to NULL, or deletes join rows). */
    @SafeVarargs
    public final void remove(R... objects) {
        List<R> l = new ArrayList<>();
        for (R o : objects) {
            l.add(o);
        }
        remove(l);
    }

    private void remove(List<R> objects) {
        forgetPrefetched();
        Engine e = engine();
        e.atomic(() -> {
            if (kind == Kind.REVERSE_FK) {
                if (!field.nullable()) {
                    throw new IllegalStateException("db.E122: cannot remove from " + field + ": the foreign key is not nullable; delete the rows instead");
                }
                for (R o : objects) {
                    field.setValue(o, null);
                    o.save(e.database());
                }
            } else {
                List<Object> keys = new ArrayList<>();
                for (R o : objects) {
                    keys.add(Values.idOf(o));
                }
                joinRows(keys).delete();
            }
            return null;
        });
    }

    /** Unlinks every related row. */
    public void clear() {
        forgetPrefetched();
        if (kind == Kind.REVERSE_FK) {
            if (!field.nullable()) {
                throw new IllegalStateException("db.E122: cannot clear " + field + ": the foreign key is not nullable; delete the rows instead");
            }
            all().update(field.name(), null);
        } else {
            joinRows(null).delete();
        }
    }

    private void add(List<R> objects) {
        forgetPrefetched();
        Engine e = engine();
        e.atomic(() -> {
            if (kind == Kind.REVERSE_FK) {
                for (R o : objects) {
                    field.setValue(o, Ref.to(owner));
                    o.save(e.database());
                }
                return null;
            }
            Through t = Through.of(field);
            List<Object> keys = new ArrayList<>();
            for (R o : objects) {
                keys.add(Values.idOf(o));
            }
            List<Object> existing = joinRows(keys).values(far(t).name()).stream().map(m -> m.get(far(t).name())).toList();
            for (Object k : keys) {
                if (!existing.contains(k) && !existing.contains(Values.idOf(k))) {
                    e.atomic(() -> {
                        e.update(insertJoin(e, t), List.of(Values.toDb(e.dialect(), near(t), owner.pk().orElseThrow()),
                                Values.toDb(e.dialect(), far(t), k)));
                        return null;
                    });
                }
            }
            return null;
        });
    }

    private String insertJoin(Engine e, Through t) {
        var d = e.dialect();
        return "INSERT INTO " + d.quote(t.meta().table()) + " (" + d.quote(near(t).column()) + ", " + d.quote(far(t).column()) + ") VALUES (?, ?)";
    }

    private QuerySet<Model> joinRows(List<Object> farKeys) {
        Through t = Through.of(field);
        @SuppressWarnings("unchecked")
        ModelMeta<Model> tm = (ModelMeta<Model>) t.meta();
        QuerySet<Model> qs = new QuerySet<Model>(new dev.rowan.db.internal.QueryState(tm), null, "default").using(engine().database())
                .filter(near(t).name(), owner.pk().orElseThrow());
        return farKeys == null ? qs : qs.filter(far(t).name() + "__in", farKeys);
    }

    private Field near(Through t) {
        return kind == Kind.MANY ? t.from() : t.to();
    }

    private Field far(Through t) {
        return kind == Kind.MANY ? t.to() : t.from();
    }

    /** After a change through this manager the prefetched rows are stale (Django drops them too). */
    private void forgetPrefetched() {
        owner.state().forgetPrefetched(cacheName());
    }

    private String cacheName() {
        return kind == Kind.MANY ? field.name() : field.relatedName();
    }

    private Engine engine() {
        Database db = owner.state().db;
        return Bridge.access().engine(db != null ? db : Databases.current().defaultDatabase());
    }
}
