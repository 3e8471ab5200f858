package dev.rowan.examples.notes;

import com.mongodb.client.model.Indexes;
import dev.rowan.core.App;
import dev.rowan.core.Config;
import dev.rowan.core.Handler;
import dev.rowan.core.Module;
import dev.rowan.core.Routes;
import dev.rowan.core.Setting;
import dev.rowan.forms.Csrf;
import dev.rowan.forms.CsrfProtection;
import dev.rowan.mongo.Mongo;
import dev.rowan.mongo.MongoModule;
import dev.rowan.templates.TemplatesModule;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Notes on MongoDB: a paged list (newest first) with search and a tag filter, create, edit (with a version check),
 * delete with a confirmation page, and a JSON API under {@code <prefix>/api/notes}.
 *
 * <pre>{@code
 * App.create()
 *    .install(NotesApp.at("/notes"))
 *    .start();
 * }</pre>
 *
 * <p>With {@code MONGODB_URI} set the notes live in that MongoDB; without it, in an in-process server whose data
 * file is {@code mongodb.embedded-file} ({@link #main} uses {@code data/notes.mv}). Installing a configured
 * {@link MongoModule} before this module makes the app use that one instead. Times are shown in the zone of
 * {@code notes.time-zone} (default UTC), labelled with it.
 */
public final class NotesApp implements Module {
    /** The template pages extend unless {@link #withLayout(String)} names another. */
    public static final String DEFAULT_LAYOUT = "notes/base.html";
    /** Where {@link #main} keeps notes when no MongoDB URI is configured. */
    public static final String DEFAULT_DATA_FILE = "data/notes.mv";
    /** What the notes read from the app's config. */
    public static final Setting TIME_ZONE = Setting.of("notes.time-zone", Setting.Type.TEXT, "UTC",
            "The time zone the pages show times in, a name such as Europe/Berlin or America/New_York; each time is labelled with it.");

    private final String prefix;
    private final String layout;
    private final int pageSize;

    private NotesApp(String prefix, String layout, int pageSize) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.layout = Objects.requireNonNull(layout, "layout");
        if (pageSize < 1 || pageSize > NotesApi.MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("The page size must be 1 to " + NotesApi.MAX_PAGE_SIZE + ", got " + pageSize);
        }
        this.pageSize = pageSize;
    }

    /** The notes app mounted under {@code prefix} ("/" or "" for the site root). */
    public static NotesApp at(String prefix) {
        return new NotesApp(prefix, DEFAULT_LAYOUT, 10);
    }

    /** A copy whose pages extend {@code template} (it must define the blocks {@code title} and {@code content}). */
    public NotesApp withLayout(String template) {
        return new NotesApp(prefix, template, pageSize);
    }

    /** A copy listing {@code size} notes per page (default 10). */
    public NotesApp pageSize(int size) {
        return new NotesApp(prefix, layout, size);
    }

    @Override
    public void install(App app) {
        app.install(TemplatesModule.create());
        app.install(CsrfProtection.create());
        app.install(MongoModule.create());          // skipped when the app already installed a configured one
        app.declare(TIME_ZONE);
        NoteTimes times = NoteTimes.in(zone(app.config()));
        Mongo.of(app).index(NoteStore.COLLECTION, Indexes.descending("createdAt"))
                .index(NoteStore.COLLECTION, Indexes.ascending("tags"));
        NoteStore store = new NoteStore(Mongo.of(app));
        NotePages pages = new NotePages(store, layout, pageSize, times);
        NotesApi api = new NotesApi(store, pageSize);
        app.group(prefix, "notes", r -> routes(r, pages, api));
    }

    private static void routes(Routes r, NotePages pages, NotesApi api) {
        r.get("/", pages::list, "list");
        r.get("/new", pages::createForm, "new");
        r.post("/new", pages::create);
        r.get("/{id:objectid}", pages::detail, "detail");
        r.get("/{id:objectid}/edit", pages::editForm, "edit");
        r.post("/{id:objectid}/edit", pages::edit);
        r.get("/{id:objectid}/delete", pages::confirmDelete, "delete");
        r.post("/{id:objectid}/delete", pages::delete);
        r.group("/api", a -> apiRoutes(a, api));
    }

    private static void apiRoutes(Routes r, NotesApi api) {
        // Every error under the API's prefix is JSON, whatever the client accepts, including the ones no handler
        // sees (an unknown path, a %00 in the path, a body over the limit); the pages keep HTML error pages.
        r.api();
        // The API takes only application/json bodies (415 otherwise), which a cross-site HTML form cannot send,
        // and DELETE, which it cannot send at all; so it needs no CSRF token and scripts can call it plainly.
        r.get("/notes", api::list, "api_list");
        r.post("/notes", Csrf.exempt(api::create));
        r.get("/notes/{id:objectid}", api::get, "api_note");
        r.put("/notes/{id:objectid}", Csrf.exempt(api::update));
        r.delete("/notes/{id:objectid}", Csrf.exempt(api::delete));
        // Anything else under /api/notes/ is not a note id: a JSON 404, also for PUT and DELETE, which would
        // otherwise meet the CSRF check (403) before the router's 404.
        Handler noSuchNote = Csrf.exempt(NotesApi::notAnId);
        r.get("/notes/{id}", noSuchNote);
        r.put("/notes/{id}", noSuchNote);
        r.delete("/notes/{id}", noSuchNote);
    }

    private static ZoneId zone(Config config) {
        String name = config.get(TIME_ZONE.key()).orElse(TIME_ZONE.defaultValue()).strip();
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            throw new Config.ConfigException("notes.E001", "The setting 'notes.time-zone' must name a time zone such as UTC, "
                    + "Europe/Berlin or America/New_York, but is '" + name + "'.");
        }
    }

    @Override
    public String name() {
        return "notes";
    }

    /** Runs the notes app alone on port 8000: {@code ./mvnw -pl examples/notes exec:java}. */
    public static void main(String[] args) {
        Config config = Config.load().withDefault("mongodb.embedded-file", DEFAULT_DATA_FILE);
        App.create(config).install(NotesApp.at("/")).run(args);
    }
}
