package dev.rowan.db.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rowan.test.TestResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DbModuleSqliteTest extends DbModuleContract {
    static Path file;

    @BeforeAll
    static void createFile() throws Exception {
        file = Files.createTempFile("rowan-module-", ".sqlite3");
    }

    @AfterAll
    static void deleteFile() throws Exception {
        for (String suffix : new String[]{"", "-wal", "-shm"}) {
            Files.deleteIfExists(Path.of(file + suffix));
        }
    }

    @Override
    String url() {
        return "sqlite:" + file;
    }

    /**
     * Four times more concurrent writers than pooled connections, each sending inserts and
     * read-then-write requests: SQLite takes one writer at a time, so they queue, and none is
     * answered "database is locked" as a 500.
     */
    @Test
    void manyMoreConcurrentWritersThanConnectionsNeverGetA500() throws Exception {
        int writers = 40, each = 5;
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            CountDownLatch start = new CountDownLatch(1);
            for (int w = 0; w < writers; w++) {
                String path = w % 2 == 0 ? "/notes" : "/tally";
                pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        statuses.add(client.post(path, Map.of("text", "w", "fail", "no")).status());
                    }
                    return null;
                });
            }
            start.countDown();
        }
        assertThat(statuses).hasSize(writers * each).containsOnly(201);
        assertThat(client.get("/count").text()).isEqualTo(String.valueOf(writers * each));
        System.out.println("[security] database faults, sqlite writers: " + statuses.size() + " writes from " + writers
                + " threads at once, " + Collections.frequency(statuses, 201) + " answered 201, all stored");
    }

    /**
     * Another process holds the write lock longer than the 5 s busy timeout: the waiting write is
     * answered 503 with Retry-After once the timeout ends, never 500, and nothing of it is kept.
     */
    @Test
    void aWriteLockHeldPastTheBusyTimeoutIsA503() throws Exception {
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = other.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
            st.execute("INSERT INTO web_note (text) VALUES ('held by another process')");
            Future<TestResponse> write;
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                write = pool.submit(() -> client.request("POST", "/notes").header("Accept", "application/json")
                        .form(Map.of("text", "waits", "fail", "no")).send());
                TestResponse res = write.get();
                assertThat(res.status()).isEqualTo(503);
                assertThat(res.header("Retry-After")).isPresent();
                assertThat(res.text()).contains("cannot reach its database").contains("\"status\":503");
            }
            st.execute("ROLLBACK");
        }
        assertThat(client.get("/count").text()).isEqualTo("0");
    }
}
