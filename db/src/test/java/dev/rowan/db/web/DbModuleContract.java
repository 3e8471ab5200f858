package dev.rowan.db.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rowan.core.App;
import dev.rowan.core.Check;
import dev.rowan.core.Config;
import dev.rowan.core.HttpException;
import dev.rowan.db.Database;
import dev.rowan.db.DbModule;
import dev.rowan.db.Databases;
import dev.rowan.test.TestClient;
import dev.rowan.test.TestResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DbModule in a real app, through the test client; each subclass runs it on one database. */
abstract class DbModuleContract {
    /** The URL of an empty database for this test class. */
    abstract String url();

    App app;
    TestClient client;

    App newApp(DbModule module, Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        all.putIfAbsent("database.url", url());
        App a = App.create(Config.of(all));
        a.install(module);
        return a;
    }

    @BeforeEach
    void start() {
        app = newApp(DbModule.create().models(Note.META).atomicRequests(true), Map.of());
        app.get("/notes/{id:int}", ctx -> ctx.text(Note.objects.get("pk", ctx.pathParam("id").asInt()).text));
        app.post("/notes", ctx -> {
            Note.objects.create(Note.of(ctx.form("text").asString()));
            if (ctx.form("fail").asString().equals("throw")) {
                throw new IllegalStateException("boom after the insert");
            }
            if (ctx.form("fail").asString().equals("status")) {
                ctx.status(500).text("failed after the insert");
                return;
            }
            if (ctx.form("fail").asString().equals("404")) {
                throw HttpException.notFound("not here");
            }
            ctx.status(201).text("created");
        });
        app.get("/count", ctx -> ctx.text(String.valueOf(Note.objects.count())));
        app.post("/tally", ctx -> {
            long seen = Note.objects.count();    // read, then write: the shape that deadlocks deferred SQLite transactions
            Note.objects.create(Note.of("after " + seen));
            ctx.status(201).text("created");
        });
        app.get("/dropped", ctx -> {
            Databases.current().defaultDatabase().execute(killOwnConnection().orElseThrow());
            ctx.text("the connection survived");
        });
        app.get("/dropped-in-savepoint", ctx -> {
            Database db = Databases.current().defaultDatabase();
            db.atomic(() -> db.execute(killOwnConnection().orElseThrow()));    // nested in the request's transaction
            ctx.text("the connection survived");
        });
        client = TestClient.of(app);
        app.get("/ping", ctx -> ctx.text("pong"));
        client.get("/ping");    // first request: the app starts and installs its databases
        Databases.current().defaultDatabase().createTables(Note.META);
    }

    @AfterEach
    void stop() {
        Databases.current().defaultDatabase().dropTables(Note.META);
        app.stop();
        closeQuietly();
    }

    /** In-memory apps never start serving, so stop hooks do not run: close the pools the test opened. */
    void closeQuietly() {
        Databases.installed().ifPresent(d -> {
            Databases.uninstall();
            d.close();
        });
    }

    @Test
    void installsTheConfiguredDatabaseAtStart() {
        assertThat(Databases.current().defaultDatabase().url().toString()).isEqualTo(url().replaceAll(":[^:@/]*@", "@"));
        assertThat(app.runChecks()).noneMatch(r -> r.id().startsWith("db."));
        assertThat(client.get("/count").text()).isEqualTo("0");
    }

    @Test
    void notFoundBecomes404() {
        TestResponse res = client.get("/notes/999");
        assertThat(res.status()).isEqualTo(404);
        assertThat(res.text()).contains("does not exist");
        TestResponse json = client.request("GET", "/notes/999").header("Accept", "application/json").send();
        assertThat(json.status()).isEqualTo(404);
        assertThat(json.contentType()).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        // The same JSON shape as every other error the app answers.
        assertThat(json.text()).startsWith("{\"error\":\"").contains("\"status\":404");
    }

    @Test
    void aMissingRowAnswersWithTheAppsOwn404Page() {
        App own = newApp(DbModule.create().models(Note.META), Map.of());
        own.error(404, ctx -> ctx.html("<h1>Our own 404 for " + ctx.path() + "</h1>"));
        own.get("/notes/{id:int}", ctx -> ctx.text(Note.objects.get("pk", ctx.pathParam("id").asInt()).text));
        TestResponse res = TestClient.of(own).get("/notes/999");
        assertThat(res.status()).isEqualTo(404);
        assertThat(res.text()).isEqualTo("<h1>Our own 404 for /notes/999</h1>");
    }

    /** SQL that makes the server drop the connection running it, as a server restart does to pooled connections. */
    Optional<String> killOwnConnection() {
        return Optional.empty();
    }

    @Test
    void aConnectionTheServerDropsIsA503AndThePoolRecovers() {
        Assumptions.assumeTrue(killOwnConnection().isPresent(), "this database has no server to drop connections");
        TestResponse dropped = client.request("GET", "/dropped").header("Accept", "application/json").send();
        assertThat(dropped.status()).isEqualTo(503);
        assertThat(dropped.header("Retry-After")).contains("30");
        assertThat(dropped.text()).startsWith("{\"error\":\"").contains("\"status\":503");
        // The broken connection left the pool: the next request gets a good one.
        assertThat(client.get("/count").status()).isEqualTo(200);
    }

    @Test
    void aConnectionDroppedInsideANestedAtomicBlockIsStillA503() {
        Assumptions.assumeTrue(killOwnConnection().isPresent(), "this database has no server to drop connections");
        // The savepoint's rollback fails too (the pool closed the connection); that must not turn the 503 into a 500.
        TestResponse dropped = client.request("GET", "/dropped-in-savepoint").header("Accept", "application/json").send();
        assertThat(dropped.status()).isEqualTo(503);
        assertThat(dropped.text()).contains("\"status\":503");
        assertThat(client.get("/count").status()).isEqualTo(200);
    }

    @Test
    void concurrentReadThenWriteRequestsAllSucceedAndLoseNoWrite() throws Exception {
        int threads = 8, each = 10;
        List<Integer> statuses = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(threads)) {
            var start = new java.util.concurrent.CountDownLatch(1);
            for (int t = 0; t < threads; t++) {
                pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        statuses.add(client.post("/tally", Map.of()).status());
                    }
                    return null;
                });
            }
            start.countDown();
        }
        assertThat(statuses).hasSize(threads * each).containsOnly(201);
        assertThat(client.get("/count").text()).isEqualTo(String.valueOf(threads * each));
    }

    @Test
    void atomicRequestsCommitOnSuccess() {
        assertThat(client.post("/notes", Map.of("text", "kept", "fail", "no")).status()).isEqualTo(201);
        assertThat(client.get("/count").text()).isEqualTo("1");
    }

    @Test
    void atomicRequestsRollBackOnExceptionAnd5xx() {
        assertThat(client.post("/notes", Map.of("text", "a", "fail", "throw")).status()).isEqualTo(500);
        assertThat(client.post("/notes", Map.of("text", "b", "fail", "status")).status()).isEqualTo(500);
        assertThat(client.post("/notes", Map.of("text", "c", "fail", "404")).status()).isEqualTo(404);
        assertThat(client.get("/count").text()).isEqualTo("0");
    }

    /** Runs {@code body} (which starts a second app) and puts the main app's databases back afterwards. */
    void withOtherApp(Runnable body) {
        Databases main = Databases.current();
        try {
            body.run();
        } finally {
            Databases.installed().filter(d -> d != main).ifPresent(Databases::close);
            Databases.install(main);
        }
    }

    @Test
    void withoutAtomicRequestsWritesStayAfterAFailure() {
        withOtherApp(this::writesStayWithoutAtomicRequests);
        assertThat(Note.objects.count()).isEqualTo(1);
    }

    private void writesStayWithoutAtomicRequests() {
        App plain = newApp(DbModule.create(), Map.of());
        plain.post("/notes", ctx -> {
            Note.objects.create(Note.of("x"));
            throw new IllegalStateException("boom");
        });
        assertThat(TestClient.of(plain).post("/notes", Map.of()).status()).isEqualTo(500);
    }

    @Test
    void unreachableDatabaseFailsTheCheckAndAnswers503() {
        withOtherApp(this::brokenDatabase);
    }

    @Test
    void namesLongerThanTheDatabaseAllowsAreStartupErrors() {
        assertThat(app.runChecks()).noneMatch(r -> r.id().equals("db.E032"));
        App tooLong = newApp(DbModule.create().models(Note.META, LongNames.META), Map.of());
        List<Check.Result> results = tooLong.runChecks().stream().filter(r -> r.id().equals("db.E032")).toList();
        assertThat(results).hasSize(2).allSatisfy(r -> assertThat(r.severity()).isEqualTo(Check.Result.Severity.ERROR));
        assertThat(results.get(0).message()).contains("web.LongNames: the table name").contains("130 characters")
                .contains(Databases.current().defaultDatabase().dialect().vendor());
        assertThat(results.get(0).hint()).contains("m.table(");
        assertThat(results.get(1).message()).contains("column of field 'text'").contains("200 characters");
        assertThat(results.get(1).hint()).contains(".column(");
    }

    private void brokenDatabase() {
        String down = "postgresql://app:s3cret-pw@127.0.0.1:1/nothing";
        App broken = newApp(DbModule.create(), Map.of("database.reports.url", down, "database.connection-timeout", "300ms"));
        List<Check.Result> results = broken.runChecks().stream().filter(r -> r.id().startsWith("db.")).toList();
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo("db.E031");
            assertThat(r.severity()).isEqualTo(Check.Result.Severity.ERROR);
            assertThat(r.message()).contains("'reports'").contains("127.0.0.1:1").doesNotContain("s3cret-pw");
            assertThat(r.message()).as("the driver's own reason").containsIgnoringCase("refused");
            assertThat(r.hint()).contains("database.reports.url");
        });
        broken.get("/reports", ctx -> ctx.text(String.valueOf(Note.objects.using("reports").count())));
        TestResponse res = TestClient.of(broken).get("/reports");
        assertThat(res.status()).isEqualTo(503);
        assertThat(res.header("Retry-After")).contains("30");
        assertThat(res.text()).contains("cannot reach its database");
    }
}
