package dev.rowan.db.internal;

import dev.rowan.db.Constraint;
import dev.rowan.db.Field;
import dev.rowan.db.FieldChoice;
import dev.rowan.db.FieldType;
import dev.rowan.db.Model;
import dev.rowan.db.ModelMeta;
import dev.rowan.db.Q;
import dev.rowan.db.ValidationError;
import dev.rowan.db.Validator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code fullClean} pass that forms and the admin reuse: fields first, then uniqueness, then checks. */
public final class Validation {
    private Validation() {
    }

    /** Validates {@code m}; {@code engine} (may be null) is used for uniqueness checks. */
    public static void fullClean(Model m, Engine engine) {
        ModelMeta<?> meta = m.meta();
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (Field f : meta.concreteFields()) {
            if (f.type() == FieldType.AUTO) {
                continue;
            }
            cleanField(f, f.valueOf(m)).ifPresent(msg -> add(errors, f.name(), msg));
        }
        if (engine != null) {
            uniqueness(m, meta, engine, errors);
            checks(m, meta, engine, errors);
        }
        if (!errors.isEmpty()) {
            throw ValidationError.of(errors);
        }
    }

    private static Optional<String> cleanField(Field f, Object v) {
        if (v == null) {
            return f.nullable() || f.hasDefault() ? Optional.empty() : Optional.of("This field cannot be null.");
        }
        if (v instanceof String s) {
            if (s.isEmpty() && !f.blank()) {
                return Optional.of("This field cannot be blank.");
            }
            if (f.maxLength().isPresent() && s.length() > f.maxLength().getAsInt()) {
                return Optional.of("Ensure this value has at most " + f.maxLength().getAsInt() + " characters (it has " + s.length() + ").");
            }
            if (s.isEmpty()) {
                return Optional.empty();
            }
        }
        if (!f.choices().isEmpty() && f.choices().stream().map(FieldChoice::value).noneMatch(v::equals)) {
            return Optional.of("Value " + v + " is not a valid choice.");
        }
        for (Validator validator : f.validators()) {
            Optional<String> msg = validator.validate(v);
            if (msg.isPresent()) {
                return msg;
            }
        }
        return Optional.empty();
    }

    private static void uniqueness(Model m, ModelMeta<?> meta, Engine engine, Map<String, List<String>> errors) {
        Object pk = meta.pk().valueOf(m);
        for (Field f : meta.concreteFields()) {
            if (!f.unique() || f.primaryKey() && pk == null || errors.containsKey(f.name())) {
                continue;
            }
            Object v = f.valueOf(m);
            if (v != null && exists(engine, meta, Q.of(f.name(), v), pk)) {
                add(errors, f.name(), capitalize(meta.verboseName()) + " with this " + f.verboseName() + " already exists.");
            }
        }
        for (Constraint c : meta.constraints()) {
            if (!c.isUnique() || c.fields().stream().anyMatch(errors::containsKey)) {
                continue;
            }
            List<Q> parts = new ArrayList<>();
            boolean hasNull = false;
            for (String name : c.fields()) {
                Object v = meta.requireField(name).valueOf(m);
                hasNull |= v == null;
                parts.add(Q.of(name, v));
            }
            if (!hasNull && exists(engine, meta, Q.and(parts.toArray(Q[]::new)), pk)) {
                List<String> names = c.fields().stream().map(n -> meta.requireField(n).verboseName()).toList();
                add(errors, ValidationError.NON_FIELD, capitalize(meta.verboseName()) + " with this "
                        + String.join(" and ", names) + " already exists.");
            }
        }
    }

    private static void checks(Model m, ModelMeta<?> meta, Engine engine, Map<String, List<String>> errors) {
        for (Constraint c : meta.constraints()) {
            Optional<Q> q = c.check();
            if (q.isPresent() && !Executor.list(engine, Compiler.checkViolation(engine.dialect(), m, q.get())).isEmpty()) {
                add(errors, ValidationError.NON_FIELD, "Constraint '" + c.name() + "' is violated.");
            }
        }
    }

    private static boolean exists(Engine engine, ModelMeta<?> meta, Q q, Object pk) {
        QueryState s = new QueryState(meta);
        s.where = pk == null ? q : q.and(Q.not(Q.of("pk", pk)));
        s.order = List.of();
        s.limit = 1;
        return !Executor.list(engine, new Compiler(engine.dialect(), s, engine.database()).selectPks()).isEmpty();
    }

    private static void add(Map<String, List<String>> errors, String key, String msg) {
        errors.computeIfAbsent(key, k -> new ArrayList<>()).add(msg);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
