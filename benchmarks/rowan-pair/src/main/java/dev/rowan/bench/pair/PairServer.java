package dev.rowan.bench.pair;

import dev.rowan.core.App;
import dev.rowan.core.Config;
import dev.rowan.core.Context;
import dev.rowan.db.DbModule;
import dev.rowan.sessions.RedisSessions;
import dev.rowan.db.GetOrCreate;
import dev.rowan.db.Q;

/**
 * One of the two Rowan instances benchmarks/two-instances.sh runs behind nginx on one PostgreSQL.
 * Settings come from the environment as in production (ROWAN_PROFILE, SECRET_KEY, DATABASE_URL,
 * ROWAN_ALLOWED_HOSTS, ROWAN_SERVER_TRUST_PROXY, PORT); env {@code INSTANCE} names it, and every
 * response says which instance answered in {@code X-Instance}.
 *
 * <ul>
 *   <li>{@code POST /login} (form {@code user}) puts the user in the session; {@code GET /me} reads it
 *   back (401 without one): a session started on one instance must be valid on the other.</li>
 *   <li>{@code GET /whoami}: the client's address and scheme as Rowan sees them.</li>
 *   <li>{@code POST /writes} (form {@code id}) stores the id in {@code pair_write}: 201 when stored,
 *   200 when a row with that id was already there (a retried request), so retrying is safe.</li>
 * </ul>
 */
public final class PairServer {
    private PairServer() {
    }

    public static void main(String[] args) {
        String instance = System.getenv().getOrDefault("INSTANCE", "rowan");
        App app = App.create(Config.load());
        app.install(DbModule.create().models(PairWrite.META));
        if ("redis".equals(System.getenv("SESSIONS"))) {
            app.install(RedisSessions.create());   // session.redis-url, the local Redis unless set
        }
        app.use((ctx, next) -> {
            ctx.header("X-Instance", instance);
            next.proceed();
        });
        app.get("/", ctx -> ctx.text("ok " + instance));
        app.post("/login", ctx -> {
            ctx.session().rotate();
            ctx.session().put("user", ctx.form("user").asString());
            ctx.text("logged in on " + instance);
        });
        app.post("/logout", ctx -> {
            ctx.session().invalidate();
            ctx.text("logged out on " + instance);
        });
        app.get("/me", ctx -> ctx.session().get("user").ifPresentOrElse(
                user -> ctx.text(user),
                () -> ctx.status(401).text("not logged in")));
        app.get("/whoami", PairServer::whoami);
        app.post("/writes", ctx -> write(ctx, instance));
        app.start();
    }

    private static void whoami(Context ctx) {
        ctx.text("client=" + ctx.clientAddress().getHostAddress() + " peer=" + ctx.remoteAddress().getAddress().getHostAddress()
                + " scheme=" + ctx.scheme() + " secure=" + ctx.isSecure() + " origin=" + ctx.origin());
    }

    private static void write(Context ctx, String instance) {
        long id = ctx.form("id").asLong();
        GetOrCreate<PairWrite> row = PairWrite.objects.getOrCreate(Q.of("id", id), w -> w.instance = instance);
        ctx.status(row.created() ? 201 : 200).text((row.created() ? "stored " : "already stored ") + id);
    }
}
