package dev.rowan.db.web;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

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
}
