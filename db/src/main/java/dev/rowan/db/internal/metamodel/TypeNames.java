package dev.rowan.db.internal.metamodel;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Decides how generated source names each type: by simple name (same package, {@code java.lang}, or
 * imported) or fully qualified when two referenced types share a simple name or one clashes with the
 * generated class. Works on top-level classes; nested ones are written {@code Outer.Inner}.
 */
final class TypeNames {
    private final Map<Class<?>, String> topLevelNames = new HashMap<>();
    private final TreeSet<String> imports = new TreeSet<>();

    private TypeNames() {
    }

    /**
     * @param pkg      the package of the generated class
     * @param ownName  the simple name of the generated class
     * @param types    every type the generated class mentions
     * @param loader   sees the other classes of {@code pkg}, which would shadow {@code java.lang} types
     */
    static TypeNames resolve(String pkg, String ownName, Collection<Class<?>> types, ClassLoader loader) {
        TypeNames names = new TypeNames();
        Map<String, List<Class<?>>> bySimple = types.stream().map(TypeNames::element).filter(c -> !c.isPrimitive())
                .map(TypeNames::topLevel).distinct().collect(Collectors.groupingBy(Class::getSimpleName));
        bySimple.forEach((simple, classes) -> {
            boolean clash = classes.size() > 1 || simple.equals(ownName);
            for (Class<?> c : classes) {
                names.topLevelNames.put(c, clash ? c.getName() : simple);
                if (!clash && needsImport(c, pkg, loader)) {
                    names.imports.add(c.getName());
                }
            }
        });
        return names;
    }

    /** Import lines' class names, sorted. */
    List<String> imports() {
        return List.copyOf(imports);
    }

    /** How the source writes {@code type}, e.g. {@code BigDecimal}, {@code Sample.Color}, {@code byte[]}. */
    String name(Class<?> type) {
        if (type.isArray()) {
            return name(type.getComponentType()) + "[]";
        }
        if (type.isPrimitive()) {
            return type.getName();
        }
        Class<?> top = topLevel(type);
        String suffix = type.getCanonicalName().substring(top.getCanonicalName().length());
        return topLevelNames.get(top) + suffix;
    }

    private static boolean needsImport(Class<?> c, String pkg, ClassLoader loader) {
        if (c.getPackageName().equals(pkg)) {
            return false;
        }
        return !c.getPackageName().equals("java.lang") || existsIn(pkg, c.getSimpleName(), loader);
    }

    private static boolean existsIn(String pkg, String simpleName, ClassLoader loader) {
        try {
            Class.forName(pkg.isEmpty() ? simpleName : pkg + "." + simpleName, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static Class<?> element(Class<?> type) {
        Class<?> c = type;
        while (c.isArray()) {
            c = c.getComponentType();
        }
        return c;
    }

    static Class<?> topLevel(Class<?> type) {
        if (type.getCanonicalName() == null) {
            throw new IllegalArgumentException("db.E206: " + type.getName()
                    + " is a local or anonymous class; metamodels can only name top-level and nested classes");
        }
        Class<?> c = type;
        while (c.getDeclaringClass() != null) {
            c = c.getDeclaringClass();
        }
        return c;
    }
}
