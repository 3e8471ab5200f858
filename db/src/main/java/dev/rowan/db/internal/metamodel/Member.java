package dev.rowan.db.internal.metamodel;

import dev.rowan.db.Model;

/**
 * One constant of a metamodel class.
 *
 * @param name   the path name (a field name or a reverse relation's name)
 * @param type   the value type of a plain field; the related model of a relation
 * @param relation whether it is a {@code RelationPath} (followable) rather than a plain {@code Path}
 * @param origin what declared it, for the comment and error messages, e.g. {@code CHAR} or {@code reverse of library.Book.author}
 */
record Member(String name, Class<?> type, boolean relation, String origin) {
    static Member field(String name, Class<?> type, String origin) {
        return new Member(name, type, false, origin);
    }

    static Member relation(String name, Class<? extends Model> target, String origin) {
        return new Member(name, target, true, origin);
    }
}
