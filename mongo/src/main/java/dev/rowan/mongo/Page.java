package dev.rowan.mongo;

import com.mongodb.client.MongoCollection;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;

/**
 * One page of a query, by page number (skip/limit), with what a pager needs. Fine for the first few hundred pages;
 * for endless feeds use {@link Keyset}, whose cost does not grow with the page number.
 *
 * <pre>{@code
 * Page<Note> page = Page.of(notes, Filters.empty(), Sorts.descending("createdAt"), ctx.query("page").asInt(1), 20);
 * if (page.isOutOfRange()) throw HttpException.notFound("There is no page " + page.number() + ".");
 * }</pre>
 *
 * @param items  the documents on this page, at most {@code size}
 * @param number the page number, from 1
 * @param size   the page size
 * @param total  how many documents match the filter on all pages
 */
public record Page<T>(List<T> items, int number, int size, long total) {
    public Page {
        items = List.copyOf(items);
    }

    /** The page {@code number} (from 1) of {@code size} documents matching {@code filter}, in {@code sort} order. */
    public static <T> Page<T> of(MongoCollection<T> collection, Bson filter, Bson sort, int number, int size) {
        if (number < 1 || size < 1) {
            throw new IllegalArgumentException("Page numbers and sizes start at 1, got page " + number + " of size " + size);
        }
        long total = collection.countDocuments(filter);
        long skip = (long) (number - 1) * size;
        if (skip >= total) {
            return new Page<>(List.of(), number, size, total);
        }
        List<T> items = collection.find(filter).sort(sort).skip((int) skip).limit(size).into(new ArrayList<>());
        return new Page<>(items, number, size, total);
    }

    /** The number of pages; 1 when nothing matches, so "page 1 of 1" reads well. */
    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return number > 1;
    }

    public boolean hasNext() {
        return number < pages();
    }

    /** The number of the page before this one (named so templates' {@code page.previousNumber} is unambiguous). */
    public int previousNumber() {
        return Math.max(1, number - 1);
    }

    public int nextNumber() {
        return number + 1;
    }

    /** True for a page after the last one (page 1 never is). */
    public boolean isOutOfRange() {
        return number > pages();
    }
}
