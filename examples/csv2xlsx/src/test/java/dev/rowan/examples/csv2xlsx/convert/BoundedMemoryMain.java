package dev.rowan.examples.csv2xlsx.convert;

import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run in a child JVM with a small heap by {@link BoundedMemoryTest}: converts one file and prints the
 * report and the peak heap use (sum of the heap pools' peaks, an upper bound of the real peak).
 */
public final class BoundedMemoryMain {

    private BoundedMemoryMain() {
    }

    public static void main(String[] args) throws Exception {
        try (InputStream in = Files.newInputStream(Path.of(args[0]));
             OutputStream out = new BufferedOutputStream(Files.newOutputStream(Path.of(args[1])))) {
            ConversionReport report = CsvToXlsx.builder().build().convert(in, out);
            System.out.println("rows=" + report.rows() + " sheets=" + report.sheets() + " columns=" + report.columns());
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println("peakHeapMiB=" + peak / (1024 * 1024));
    }
}
