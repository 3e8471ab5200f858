package dev.rowan.db.internal.metamodel;

import dev.rowan.db.Field;
import dev.rowan.db.ModelMeta;
import dev.rowan.db.RelatedObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The constants of one model's metamodel class, in the order they are written. */
final class Members {
    private Members() {
    }

    /**
     * Fields (sorted by name), then reverse relations (sorted by name). Reverse relations only come
     * from {@code all}, the models generated together, so the output does not depend on which other
     * model classes happen to be loaded in this JVM.
     */
    static List<Member> of(ModelMeta<?> model, List<ModelMeta<?>> all) {
        List<Member> fields = model.fields().stream().map(Members::forField)
                .sorted(Comparator.comparing(Member::name)).toList();
        Set<Class<?>> generated = all.stream().map(ModelMeta::type).collect(Collectors.toSet());
        List<Member> reverse = model.relatedObjects().stream()
                .filter(r -> generated.contains(r.relatedModel().type()))
                .map(Members::forReverse)
                .sorted(Comparator.comparing(Member::name).thenComparing(Member::origin)).toList();
        List<Member> members = new ArrayList<>(fields);
        members.addAll(reverse);
        checkNames(model, members);
        return members;
    }

    private static Member forField(Field f) {
        if (f.type().isRelation()) {
            ModelMeta<?> target = f.relatedModel().orElseThrow();
            return Member.relation(f.name(), target.type(), f.type() + " -> " + target.label());
        }
        return Member.field(f.name(), f.javaType(), f.type().name());
    }

    private static Member forReverse(RelatedObject r) {
        Field f = r.field();
        return Member.relation(r.name(), f.model().type(), "reverse of " + f.model().label() + "." + f.name());
    }

    private static void checkNames(ModelMeta<?> model, List<Member> members) {
        Map<String, Member> seen = new HashMap<>();
        for (Member m : members) {
            if (!JavaNames.isIdentifier(m.name())) {
                throw new IllegalArgumentException("db.E204: " + model.label() + " has a path '" + m.name() + "' ("
                        + m.origin() + ") that is not a Java identifier, so it cannot be a metamodel constant; "
                        + "rename it (for a reverse relation: relatedName(\"...\") on the field)");
            }
            Member before = seen.putIfAbsent(m.name(), m);
            if (before != null) {
                throw new IllegalArgumentException("db.E203: " + model.label() + " has two paths named '" + m.name()
                        + "' (" + before.origin() + " and " + m.origin() + "); give one a different relatedName(\"...\")");
            }
        }
    }
}
