package dev.rowan.examples.notes;

import dev.rowan.core.Context;
import dev.rowan.core.HttpException;
import dev.rowan.mongo.Keyset;
import dev.rowan.mongo.MongoModule;
import dev.rowan.mongo.Page;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON API. Errors are always JSON, {@code {"error": "...", "status": 400}}, with {@code "errors": {"title": ["..."]}}
 * for a note that fails validation: 400 for a bad body, 404 for an unknown note, 409 for a stale edit, 413 for a body
 * over the limit, 415 for a body that is not JSON.
 *
 * <p>Lists come by page number ({@code ?page=2&size=20}, with {@code total} and {@code pages}) or, for endless
 * scrolling, by keyset ({@code ?after=<id>}, with {@code next} to pass as {@code after} for the following slice).
 */
final class NotesApi {
    static final int MAX_PAGE_SIZE = 100;

    private final NoteStore store;
    private final int pageSize;

    NotesApi(NoteStore store, int pageSize) {
        this.store = store;
        this.pageSize = pageSize;
    }

    void list(Context ctx) throws Exception {
        Bson filter = NoteStore.filter(NotePages.search(ctx), NotePages.tag(ctx));
        int size = ctx.query("size").asInt(pageSize);
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw HttpException.badRequest("'size' must be 1 to " + MAX_PAGE_SIZE + ", got " + size + ".");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        if (ctx.query("after").isPresent()) {
            Keyset<Note> slice = store.after(filter, Optional.of(after(ctx)), size);
            out.put("items", slice.items().stream().map(Note::toJson).toList());
            out.put("next", slice.next().map(ObjectId::toHexString).orElse(null));
        } else {
            Page<Note> page = page(ctx, filter, size);
            out.put("items", page.items().stream().map(Note::toJson).toList());
            out.put("page", page.number());
            out.put("pages", page.pages());
            out.put("size", page.size());
            out.put("total", page.total());
        }
        ctx.json(out);
    }

    void get(Context ctx) throws Exception {
        ctx.json(note(ctx).toJson());
    }

    void create(Context ctx) throws Exception {
        NoteJson.Read read = NoteJson.read(body(ctx), false);
        if (!read.errors().isEmpty()) {
            invalid(ctx, read.errors());
            return;
        }
        Note note = store.create(read.draft());
        ctx.status(201).header("Location", ctx.url("notes:api_note", note.id())).json(note.toJson());
    }

    void update(Context ctx) throws Exception {
        ObjectId id = ctx.pathParam("id").as(ObjectId.class);
        NoteJson.Read read = NoteJson.read(body(ctx), true);
        if (!read.errors().isEmpty()) {
            // An unknown note is a 404 whatever the body says.
            note(ctx);
            invalid(ctx, read.errors());
            return;
        }
        switch (store.update(id, read.version(), read.draft())) {
            case UPDATED -> ctx.json(note(ctx).toJson());
            case MISSING -> throw NotePages.missing();
            case STALE -> {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("error", "The note changed since version " + read.version()
                        + ": it was edited meanwhile. Read it again, merge, and send the current version.");
                out.put("status", 409);
                out.put("current", note(ctx).toJson());
                ctx.status(409).json(out);
            }
        }
    }

    void delete(Context ctx) throws Exception {
        if (!store.delete(ctx.pathParam("id").as(ObjectId.class))) {
            throw NotePages.missing();
        }
        ctx.status(204).bytes(new byte[0]);
    }

    /** For ids that are not ObjectIds at all: no note can have them. */
    static void notAnId(Context ctx) {
        String shown = ctx.pathParam("id").asString("");
        shown = shown.length() > 40 ? shown.substring(0, 40) + "…" : shown;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("error", "There is no such note: '" + shown + "' is not a note id (24 lower-case hex digits).");
        out.put("status", 404);
        ctx.status(404).json(out);
    }

    // ---------------------------------------------------------------- helpers

    private Note note(Context ctx) {
        return store.find(ctx.pathParam("id").as(ObjectId.class)).orElseThrow(NotePages::missing);
    }

    private Page<Note> page(Context ctx, Bson filter, int size) {
        int number = ctx.query("page").asInt(1);
        if (number < 1) {
            throw HttpException.badRequest("'page' starts at 1, got " + number + ".");
        }
        Page<Note> page = store.page(filter, number, size);
        if (page.isOutOfRange()) {
            throw HttpException.notFound("There is no page " + number + "; the last one is " + page.pages() + ".");
        }
        return page;
    }

    private static ObjectId after(Context ctx) {
        String text = ctx.query("after").asString();
        return MongoModule.parseObjectId(text).orElseThrow(() -> HttpException.badRequest(
                "'after' must be a note id (24 lower-case hex digits), as given in 'next'."));
    }

    private static Object body(Context ctx) {
        if (!ctx.contentType().filter("application/json"::equals).isPresent()) {
            throw HttpException.unsupportedMediaType("Send the note as JSON with the header Content-Type: application/json.");
        }
        return ctx.bodyAs(Object.class);
    }

    private static void invalid(Context ctx, Map<String, List<String>> errors) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map.Entry<String, List<String>> first = errors.entrySet().iterator().next();
        out.put("error", (first.getKey().isEmpty() ? "" : "'" + first.getKey() + "': ") + first.getValue().get(0));
        out.put("status", 400);
        out.put("errors", errors);
        ctx.status(400).json(out);
    }

}
