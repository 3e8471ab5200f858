package dev.rowan.examples.notes;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import dev.rowan.mongo.Keyset;
import dev.rowan.mongo.Mongo;
import dev.rowan.mongo.Page;
import dev.rowan.mongo.Queries;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The notes collection: every query the app makes, in one place. */
public final class NoteStore {
    public static final String COLLECTION = "notes";
    // Newest first; _id breaks ties between notes created in the same millisecond, so paging is stable.
    private static final Bson NEWEST_FIRST = Sorts.orderBy(Sorts.descending("createdAt"), Sorts.descending("_id"));

    /** What an edit did. */
    public enum Outcome { UPDATED, STALE, MISSING }

    private final Mongo mongo;

    public NoteStore(Mongo mongo) {
        this.mongo = mongo;
    }

    private MongoCollection<Note> notes() {
        return mongo.collection(COLLECTION, Note.class);
    }

    /** Notes matching the search text (title or body, any case, taken literally) and the tag, if given. */
    public static Bson filter(String search, Optional<String> tag) {
        List<Bson> parts = new ArrayList<>();
        if (!search.isBlank()) {
            parts.add(Queries.containsIgnoreCase(search, "title", "body"));
        }
        tag.ifPresent(t -> parts.add(Filters.eq("tags", t)));
        return parts.isEmpty() ? Filters.empty() : Filters.and(parts);
    }

    public Page<Note> page(Bson filter, int number, int size) {
        return Page.of(notes(), filter, NEWEST_FIRST, number, size);
    }

    /** For the API's endless listing: ids grow with time, so this is newest first too. */
    public Keyset<Note> after(Bson filter, Optional<ObjectId> after, int size) {
        return Keyset.newestFirst(notes(), filter, after, size, Note::id);
    }

    public Optional<Note> find(ObjectId id) {
        return Optional.ofNullable(notes().find(Filters.eq("_id", id)).first());
    }

    public Note create(NoteDraft draft) {
        Instant now = now();
        Note note = new Note(new ObjectId(), draft.title(), draft.body(), draft.tags(), now, now, 1);
        notes().insertOne(note);
        return note;
    }

    /**
     * Saves {@code draft} if the note is still at {@code expectedVersion}. One atomic update whose filter includes the
     * version: of two edits that started from the same version, the first wins and the second is {@code STALE}.
     */
    public Outcome update(ObjectId id, long expectedVersion, NoteDraft draft) {
        UpdateResult result = notes().updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("version", expectedVersion)),
                Updates.combine(Updates.set("title", draft.title()), Updates.set("body", draft.body()),
                        Updates.set("tags", draft.tags()), Updates.set("updatedAt", now()), Updates.inc("version", 1L)));
        if (result.getMatchedCount() == 1) {
            return Outcome.UPDATED;
        }
        return find(id).isPresent() ? Outcome.STALE : Outcome.MISSING;
    }

    /** True when a note was deleted. */
    public boolean delete(ObjectId id) {
        return notes().deleteOne(Filters.eq("_id", id)).getDeletedCount() == 1;
    }

    // BSON dates hold milliseconds; truncating here makes what we return equal what we read back later.
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
