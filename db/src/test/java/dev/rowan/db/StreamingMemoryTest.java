package dev.rowan.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Acceptance: 1,000,000 rows stream through iteration in a 256 MB heap. */
class StreamingMemoryTest {
    @TempDir
    Path dir;

    @Test
    void millionRowsStreamInA256MbHeap() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), StreamMillionRows.class.getName(), dir.resolve("big.sqlite3").toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        boolean done = p.waitFor(120, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        String out = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
        assertThat(done).as("finished; output: %s", out).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("rows=1000000 votes=2999998 chars=300000000");
        assertThat(new File(dir.toFile(), "big.sqlite3")).exists();
    }
}
