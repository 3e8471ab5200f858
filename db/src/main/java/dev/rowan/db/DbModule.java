package dev.rowan.db;

import dev.rowan.core.App;
import dev.rowan.core.Module;
import dev.rowan.core.Setting;
import dev.rowan.db.internal.commands.DbShell;
import dev.rowan.db.internal.web.AtomicRequests;
import dev.rowan.db.internal.web.ConfiguredDatabases;
import dev.rowan.db.internal.web.ConnectionCheck;
import dev.rowan.db.internal.web.NameLengthCheck;
import dev.rowan.db.internal.web.DbErrorPages;
import dev.rowan.db.internal.web.DbSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * Connects an app to its databases. At start it opens the databases named in the config, installs
 * them for the managers ({@code Question.objects}) and checks that each one answers; at stop it
 * closes their pools. {@link NotFound} becomes a 404 response (like a {@code get_object_or_404}),
 * {@link ConnectionUnavailable} a 503.
 *
 * <pre>{@code
 * App app = App.create();
 * app.install(DbModule.create().models(Question.META, Choice.META).atomicRequests(true));
 * app.get("/polls/{id:int}", ctx -> ctx.text(Question.objects.get("pk", ctx.pathParam("id").asInt()).questionText));
 * }</pre>
 *
 * <p>Settings: {@code database.url} (or the {@code DATABASE_URL} environment variable; default
 * {@code sqlite:db.sqlite3} in the working directory), more databases as {@code database.<alias>.url},
 * and per database {@code [database.<alias>.]max-pool-size} and {@code connection-timeout}.
 */
public final class DbModule implements Module {
    private final List<ModelMeta<?>> models;
    private final boolean atomicRequests;
    private final boolean httpErrors;

    private DbModule(List<ModelMeta<?>> models, boolean atomicRequests, boolean httpErrors) {
        this.models = List.copyOf(models);
        this.atomicRequests = atomicRequests;
        this.httpErrors = httpErrors;
    }

    /** The module with settings from the app's config, no atomic requests, and the 404/503 mapping. */
    public static DbModule create() {
        return new DbModule(List.of(), false, true);
    }

    /** A copy that also registers {@code metas}, so their relations are wired before the first request. */
    public DbModule models(ModelMeta<?>... metas) {
        List<ModelMeta<?>> all = new ArrayList<>(models);
        all.addAll(List.of(metas));
        return new DbModule(all, atomicRequests, httpErrors);
    }

    /**
     * A copy that runs each request in a transaction on the {@code default} database: committed when
     * the handler returns a status below 500, rolled back when it throws or answers with a 5xx.
     */
    public DbModule atomicRequests(boolean enabled) {
        return new DbModule(models, enabled, httpErrors);
    }

    /** A copy that leaves {@link NotFound} and {@link ConnectionUnavailable} to the app's own handlers. */
    public DbModule httpErrors(boolean enabled) {
        return new DbModule(models, atomicRequests, enabled);
    }

    /** The registered models, in registration order. */
    public List<ModelMeta<?>> models() {
        return models;
    }

    @Override
    public void install(App app) {
        app.declare(DbSettings.ALL.toArray(Setting[]::new));
        ConfiguredDatabases databases = ConfiguredDatabases.from(app.config());
        app.check(new ConnectionCheck(databases));
        app.check(new NameLengthCheck(databases, models));
        app.command(DbShell.command(databases));
        app.onStart(databases::install);
        app.onStop(databases::close);
        if (atomicRequests) {
            app.use(new AtomicRequests(databases));
        }
        if (httpErrors) {
            boolean debug = app.config().debug();
            app.exception(NotFound.class, (e, ctx) -> DbErrorPages.notFound(e, debug));
            app.exception(ConnectionUnavailable.class, (e, ctx) -> DbErrorPages.unavailable(ctx, e, debug));
        }
    }
}
