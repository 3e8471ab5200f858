package dev.rowan.examples.csv2xlsx.convert;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The memory bound: a 1,000,000-row, ~100 MB CSV converts in a JVM limited to 256 MB of heap.
 * The conversion runs in a child JVM so the limit is real; the result is checked by scanning the sheet
 * XML (loading a million rows into POI's object model would itself need gigabytes).
 */
@Tag("slow")
class BoundedMemoryTest {

    private static final int ROWS = 1_000_000;

    @Test
    void millionRowCsvConvertsWithA256MegabyteHeap(@TempDir Path dir) throws Exception {
        Path csv = writeCsv(dir.resolve("big.csv"));
        Path xlsx = dir.resolve("big.xlsx");
        assertThat(Files.size(csv)).isGreaterThan(90L * 1024 * 1024);

        List<String> output = runChild(csv, xlsx);

        assertThat(output).contains("rows=" + ROWS + " sheets=1 columns=8");
        output.stream().filter(l -> l.startsWith("peakHeapMiB=")).forEach(l -> System.out.println("csv2xlsx " + l));
        assertThat(countRows(xlsx)).isEqualTo(ROWS + 1);
        assertThat(DimensionTest.dimension(xlsx, 1)).isEqualTo("A1:H" + (ROWS + 1));
    }

    private static Path writeCsv(Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("id,name,amount,date,updated,active,zip,note\n");
            for (int i = 1; i <= ROWS; i++) {
                w.write(i + ",Customer number " + i + "," + (i % 10_000) + "." + (i % 100) + ",2024-"
                        + two(1 + i % 12) + "-" + two(1 + i % 28) + ",2024-05-06T07:08:09," + (i % 2 == 0)
                        + ",0" + (1000 + i % 9000) + ",\"Note, with \"\"quotes\"\" " + i + "\"\n");
            }
        }
        return file;
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    private static List<String> runChild(Path csv, Path xlsx) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"),
                BoundedMemoryMain.class.getName(), csv.toString(), xlsx.toString())
                .redirectErrorStream(true)
                .start();
        List<String> lines;
        try (InputStream out = p.getInputStream()) {
            lines = new String(out.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as("child output: %s", lines).isZero();
        return lines;
    }

    /** Counts {@code <row } tags in the sheet XML without building anything (a plain byte scan). */
    private static long countRows(Path xlsx) throws IOException {
        byte[] tag = "<row ".getBytes(StandardCharsets.US_ASCII);
        try (ZipFile zip = new ZipFile(xlsx.toFile());
             InputStream sheet = new BufferedInputStream(zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml")))) {
            long rows = 0;
            int matched = 0;
            for (int b = sheet.read(); b >= 0; b = sheet.read()) {
                matched = b == tag[matched] ? matched + 1 : (b == tag[0] ? 1 : 0);
                if (matched == tag.length) {
                    rows++;
                    matched = 0;
                }
            }
            return rows;
        }
    }
}
