package dev.rowan.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A slice of a query by keyset on {@code _id}: "the next 20 after this id". It costs the same on the thousandth
 * slice as on the first, and does not skip or repeat documents when others are inserted meanwhile. ObjectIds grow
 * with time, so {@link #newestFirst} is "latest first".
 *
 * <pre>{@code
 * Optional<ObjectId> after = ctx.query("after").value().flatMap(MongoModule::parseObjectId);
 * Keyset<Note> slice = Keyset.newestFirst(notes, Filters.empty(), after, 20, Note::id);
 * slice.next().ifPresent(id -> model.put("more", "?after=" + id.toHexString()));
 * }</pre>
 *
 * @param items the documents of this slice
 * @param next  the id to pass as {@code after} for the following slice; empty on the last one
 */
public record Keyset<T>(List<T> items, Optional<ObjectId> next) {
    public Keyset {
        items = List.copyOf(items);
    }

    /** Up to {@code size} documents with an {@code _id} below {@code after} (all when empty), highest id first. */
    public static <T> Keyset<T> newestFirst(MongoCollection<T> collection, Bson filter, Optional<ObjectId> after, int size,
                                            Function<T, ObjectId> idOf) {
        Bson where = after.map(id -> Filters.and(filter, Filters.lt("_id", id))).orElse(filter);
        return slice(collection, where, Sorts.descending("_id"), size, idOf);
    }

    /** Up to {@code size} documents with an {@code _id} above {@code after} (all when empty), lowest id first. */
    public static <T> Keyset<T> oldestFirst(MongoCollection<T> collection, Bson filter, Optional<ObjectId> after, int size,
                                            Function<T, ObjectId> idOf) {
        Bson where = after.map(id -> Filters.and(filter, Filters.gt("_id", id))).orElse(filter);
        return slice(collection, where, Sorts.ascending("_id"), size, idOf);
    }

    private static <T> Keyset<T> slice(MongoCollection<T> collection, Bson where, Bson sort, int size,
                                       Function<T, ObjectId> idOf) {
        if (size < 1) {
            throw new IllegalArgumentException("A keyset slice holds at least 1 document, got " + size);
        }
        // One more than asked tells whether another slice follows, without a count.
        List<T> found = collection.find(where).sort(sort).limit(size + 1).into(new ArrayList<>());
        if (found.size() <= size) {
            return new Keyset<>(found, Optional.empty());
        }
        List<T> items = found.subList(0, size);
        return new Keyset<>(items, Optional.of(idOf.apply(items.get(size - 1))));
    }
}
