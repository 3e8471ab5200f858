package dev.rowan.examples.notes;

import dev.rowan.core.Context;
import dev.rowan.core.HttpException;
import dev.rowan.mongo.Page;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The HTML pages. Every form posts with a CSRF token; every value is autoescaped by the templates. */
final class NotePages {
    private final NoteStore store;
    private final String layout;
    private final int pageSize;
    private final NoteTimes times;

    NotePages(NoteStore store, String layout, int pageSize, NoteTimes times) {
        this.store = store;
        this.layout = layout;
        this.pageSize = pageSize;
        this.times = times;
    }

    void list(Context ctx) {
        String q = search(ctx);
        Optional<String> tag = tag(ctx);
        int number = ctx.query("page").asInt(1);
        if (number < 1) {
            throw HttpException.notFound("Pages are numbered from 1.");
        }
        Bson filter = NoteStore.filter(q, tag);
        Page<Note> page = store.page(filter, number, pageSize);
        if (page.isOutOfRange()) {
            throw HttpException.notFound("There is no page " + number + "; the last one is " + page.pages() + ".");
        }
        Map<String, Object> model = model();
        model.put("page", page);
        model.put("q", q);
        model.put("tag", tag.orElse(""));
        model.put("filtered", !q.isBlank() || tag.isPresent());
        ctx.render("notes/list.html", model);
    }

    void detail(Context ctx) {
        Map<String, Object> model = model();
        model.put("note", note(ctx));
        ctx.render("notes/detail.html", model);
    }

    void createForm(Context ctx) {
        showForm(ctx, NoteForm.create(), Optional.empty(), Optional.empty());
    }

    void create(Context ctx) {
        NoteForm form = NoteForm.create();
        if (!form.bind(ctx).isValid()) {
            ctx.status(400);
            showForm(ctx, form, Optional.empty(), Optional.empty());
            return;
        }
        Note note = store.create(form.draft());
        ctx.redirect(ctx.url("notes:detail", note.id()), 303);
    }

    void editForm(Context ctx) {
        Note note = note(ctx);
        showForm(ctx, NoteForm.edit(note), Optional.of(note), Optional.empty());
    }

    void edit(Context ctx) {
        ObjectId id = id(ctx);
        NoteForm form = NoteForm.editing();
        if (!form.bind(ctx).isValid()) {
            Note note = store.find(id).orElseThrow(NotePages::missing);
            ctx.status(400);
            showForm(ctx, form, Optional.of(note), Optional.empty());
            return;
        }
        switch (store.update(id, form.version(), form.draft())) {
            case UPDATED -> ctx.redirect(ctx.url("notes:detail", id), 303);
            case MISSING -> throw missing();
            case STALE -> {
                Note current = store.find(id).orElseThrow(NotePages::missing);
                ctx.status(409);
                showForm(ctx, form.retryAgainst(current, ctx.formParams()), Optional.of(current), Optional.of(current));
            }
        }
    }

    void confirmDelete(Context ctx) {
        Map<String, Object> model = model();
        model.put("note", note(ctx));
        ctx.render("notes/confirm_delete.html", model);
    }

    void delete(Context ctx) {
        if (!store.delete(id(ctx))) {
            throw missing();
        }
        ctx.redirect(ctx.url("notes:list"), 303);
    }

    // ---------------------------------------------------------------- helpers

    private void showForm(Context ctx, NoteForm form, Optional<Note> note, Optional<Note> conflict) {
        Map<String, Object> model = model();
        model.put("form", form);
        note.ifPresent(n -> model.put("note", n));
        conflict.ifPresent(n -> model.put("conflict", n));
        ctx.render("notes/form.html", model);
    }

    private Map<String, Object> model() {
        Map<String, Object> model = new HashMap<>();
        model.put("layout", layout);
        model.put("times", times);
        return model;
    }

    private Note note(Context ctx) {
        return store.find(id(ctx)).orElseThrow(NotePages::missing);
    }

    private static ObjectId id(Context ctx) {
        return ctx.pathParam("id").as(ObjectId.class);
    }

    static HttpException missing() {
        return HttpException.notFound("There is no such note. It may have been deleted.");
    }

    /** The search text; long text is refused rather than cut, so the user sees why nothing matched. */
    static String search(Context ctx) {
        String q = ctx.query("q").asString("").strip();
        if (q.length() > NoteRules.MAX_SEARCH) {
            throw HttpException.badRequest("The search text may be at most " + NoteRules.MAX_SEARCH + " characters.");
        }
        return q;
    }

    static Optional<String> tag(Context ctx) {
        String tag = ctx.query("tag").asString("").strip().toLowerCase(java.util.Locale.ROOT);
        if (tag.isEmpty()) {
            return Optional.empty();
        }
        if (!NoteRules.isTag(tag)) {
            throw HttpException.badRequest("'tag' must be a tag: letters, digits, '-' and '_', up to 30 characters.");
        }
        return Optional.of(tag);
    }
}
