package dev.rowan.db.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.rowan.core.App;
import dev.rowan.core.Config;
import dev.rowan.db.Database;
import dev.rowan.db.DatabaseUrl;
import dev.rowan.db.Databases;
import dev.rowan.db.DbModule;
import dev.rowan.db.testing.DbExtension;
import dev.rowan.test.TestClient;
import dev.rowan.test.TestResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A database server that goes away under a running app and comes back: the app reaches it through
 * a {@link TcpProxy} that the test cuts (as a stopped server looks to its clients) and restores.
 * The connection timeout is a long 30 s, so a request that waited for the pool instead of failing
 * at once is plain to see: ten requests during the outage together take less than half of one timeout.
 */
abstract class OutageContract {
    static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(30);
    // Each concurrent request on a thread of its own (the common pool may have a single thread).
    static final Executor OWN_THREAD = task -> Thread.ofVirtual().start(task);

    /** The throwaway database of the subclass. */
    abstract DbExtension db();

    TcpProxy proxy;
    App app;
    TestClient client;
    final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() {
        DatabaseUrl real = db().database().url();
        proxy = TcpProxy.to(real.host(), real.port());
        db().database().createTables(Note.META);
    }

    /** Starts the app on the proxy with {@code poolSize} connections. */
    void startApp(int poolSize) {
        DatabaseUrl real = db().database().url();
        String proxied = real.vendor() + "://" + real.user() + "@127.0.0.1:" + proxy.port() + "/" + real.database();
        app = App.create(Config.of(Map.of("database.url", proxied, "database.max-pool-size", String.valueOf(poolSize),
                "database.connection-timeout", CONNECTION_TIMEOUT.toSeconds() + "s")));
        app.install(DbModule.create().models(Note.META).atomicRequests(true));
        app.post("/notes", ctx -> {
            Note.objects.create(Note.of(ctx.form("text").asString("x")));
            ctx.status(201).text("created");
        });
        app.get("/held", ctx -> {
            long before = Note.objects.count();
            release.await();    // holds the request's connection until the test lets go
            ctx.text(before + " then " + Note.objects.count());
        });
        client = TestClient.of(app);
        assertThat(client.post("/notes", Map.of("text", "first")).status()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        release.countDown();
        proxy.close();
        if (app != null) {
            app.stop();
            Databases.installed().ifPresent(d -> {
                Databases.uninstall();
                d.close();
            });
        }
        db().database().dropTables(Note.META);
    }

    @Test
    void requestsDuringAnOutageFailAtOnceWith503AndThePoolRecoversAfterIt() {
        startApp(4);
        int acknowledged = 1;
        for (int i = 0; i < 5; i++) {
            acknowledged += client.post("/notes", Map.of("text", "before " + i)).status() == 201 ? 1 : 0;
        }
        proxy.cut();

        long started = System.nanoTime();
        List<TestResponse> during = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            during.add(client.request("POST", "/notes").header("Accept", "application/json").form(Map.of("text", "during")).send());
        }
        Duration spent = Duration.ofNanos(System.nanoTime() - started);
        assertThat(during).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(503);
            assertThat(r.header("Retry-After")).isPresent();
            assertThat(r.text()).startsWith("{\"error\":\"").contains("cannot reach its database").contains("\"status\":503");
        });
        // Waiting for the pool would take 30 s for a single request; ten together stay far below half of one wait.
        assertThat(spent).isLessThan(CONNECTION_TIMEOUT.dividedBy(2));

        proxy.restore();
        int refusedAfterRestore = 0;
        while (client.post("/notes", Map.of("text", "after")).status() != 201) {
            refusedAfterRestore++;
            assertThat(refusedAfterRestore).as("503s after the server came back (100 ms apart)").isLessThan(50);
            sleep(100);
        }
        acknowledged++;
        for (int i = 0; i < 5; i++) {
            assertThat(client.post("/notes", Map.of("text", "after " + i)).status()).isEqualTo(201);
            acknowledged++;
        }
        // Every acknowledged write is there, and nothing else (the 503s wrote nothing).
        assertThat(countDirectly()).isEqualTo(acknowledged);
        System.out.println("[security] database faults, " + db().database().vendor() + " outage: 10 requests during the cut, "
                + "10 answered 503 in " + spent.toMillis() + " ms together (connection timeout " + CONNECTION_TIMEOUT.toSeconds()
                + " s); " + refusedAfterRestore + " refused after the restore; " + acknowledged + " acknowledged writes, all stored");
    }

    @Test
    void aRequestWaitingForTheLastConnectionFailsAtOnceWhenTheServerGoesAway() throws Exception {
        startApp(1);
        CompletableFuture<TestResponse> holder = CompletableFuture.supplyAsync(() -> client.get("/held"), OWN_THREAD);
        awaitPool(p -> p.getActiveConnections() == 1);
        long waitStarted = System.nanoTime();
        CompletableFuture<TestResponse> waiter = CompletableFuture.supplyAsync(() -> client.post("/notes", Map.of("text", "w")), OWN_THREAD);
        awaitPool(p -> p.getThreadsAwaitingConnection() == 1);

        proxy.cut();
        release.countDown();    // the holder's next statement finds its connection gone
        assertThat(holder.get(CONNECTION_TIMEOUT.toSeconds() * 2, TimeUnit.SECONDS).status()).isEqualTo(503);
        TestResponse waited = waiter.get(CONNECTION_TIMEOUT.toSeconds() * 2, TimeUnit.SECONDS);
        Duration spent = Duration.ofNanos(System.nanoTime() - waitStarted);
        assertThat(waited.status()).isEqualTo(503);
        // It was answered when the server was known to be gone, not when its 30 s wait ran out.
        assertThat(spent).isLessThan(CONNECTION_TIMEOUT.dividedBy(2));

        proxy.restore();
        awaitSuccess();
        assertThat(countDirectly()).isEqualTo(2);
    }

    @Test
    void anAppStoppedDuringAnOutageClosesItsPoolAtOnce() {
        startApp(2);
        proxy.cut();
        assertThat(client.post("/notes", Map.of("text", "during")).status()).isEqualTo(503);
        Databases dbs = Databases.current();
        long started = System.nanoTime();
        app.stop();
        dbs.close();
        app = null;
        // The pool's adder, retrying the server, lets go when the pool closes; the pool would
        // otherwise wait for it as long as a connection may take (the 30 s timeout) and then leave it running.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(CONNECTION_TIMEOUT.dividedBy(2));
        Databases.uninstall();
    }

    private void awaitSuccess() {
        for (int i = 0; client.post("/notes", Map.of("text", "after")).status() != 201; i++) {
            assertThat(i).as("503s after the server came back (100 ms apart)").isLessThan(50);
            sleep(100);
        }
    }

    private long countDirectly() {
        Database direct = db().database();
        return Note.objects.using(direct).count();
    }

    private void awaitPool(java.util.function.Predicate<com.zaxxer.hikari.HikariPoolMXBean> condition) {
        HikariDataSource pool = (HikariDataSource) Databases.current().defaultDatabase().dataSource();
        for (int i = 0; !condition.test(pool.getHikariPoolMXBean()); i++) {
            assertThat(i).as("pool state reached within 10 s").isLessThan(1000);
            sleep(10);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
