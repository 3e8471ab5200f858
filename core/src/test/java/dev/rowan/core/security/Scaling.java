package dev.rowan.core.security;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * Measures how a parser's work grows with its input, without a clock. Work is counted two ways:
 * reads of the input (each {@code charAt} of a {@link Chars}, each byte of a {@link Bytes}, or a
 * count the parser keeps of the bytes it examines), and the bytes the thread allocates (from the
 * JVM's per-thread counter, which does not depend on timing). A case runs on an input of
 * {@link #SIZE} and of twice that; both counts may at most grow by {@link #MAX_RATIO}.
 *
 * <p>A super-linear parser would take minutes on a hostile megabyte, so a {@link Chars} or
 * {@link Bytes} stops the run once the reads pass {@link #READS_PER_UNIT} per input unit; the case
 * then fails with that figure instead of a ratio. {@code -Drowan.scaling.kb=8} runs the suites on
 * 8 KB and 16 KB inputs, small enough for a quadratic parser to finish and show its ratio.
 *
 * <p>The json and templates suites use it too, through rowan-core's test jar (which holds only
 * this package): {@code <type>test-jar</type>} on the rowan-core dependency, test scope.
 */
public final class Scaling {
    /** The smaller input size in chars or bytes (512 KB); the larger one is twice this. */
    public static final int SIZE = Integer.getInteger("rowan.scaling.kb", 512) * 1024;
    /** Doubling the input may at most multiply the work by this. */
    public static final double MAX_RATIO = 2.5;
    /** Reads per input char or byte past which a run is stopped as super-linear. */
    public static final long READS_PER_UNIT = 64;
    /** Work below this at 2n is treated as constant: ratios of a few hundred bytes are noise (a lazily grown map, a boxed number). */
    private static final long CONSTANT = 64 * 1024;

    private static final com.sun.management.ThreadMXBean THREADS = threads();

    private Scaling() {
    }

    /** The work of one run. {@code reads} is -1 when the case counts only allocation. */
    public record Work(long reads, long allocated) {}

    /** One parse of an input; returns the reads it counted, or -1 when it counts none. */
    public interface Run<T> {
        long parse(T input) throws Exception;
    }

    /** The two runs of a case. */
    public record Result(String name, Work small, Work big) {
        public double readRatio() {
            return ratio(small.reads(), big.reads());
        }

        public double allocationRatio() {
            return ratio(small.allocated(), big.allocated());
        }

        /** Fails when either count grew by more than {@link #MAX_RATIO}. */
        public void assertLinear() {
            boolean readsOk = small.reads() < 0 || big.reads() <= CONSTANT || readRatio() <= MAX_RATIO;
            boolean allocationOk = big.allocated() <= CONSTANT || allocationRatio() <= MAX_RATIO;
            if (!readsOk || !allocationOk) {
                throw new AssertionError("work grew faster than the input: " + figures());
            }
        }

        public String figures() {
            String reads = small.reads() < 0 ? "reads -" : String.format(Locale.ROOT, "reads %.2f (%,d -> %,d)", readRatio(), small.reads(), big.reads());
            return reads + String.format(Locale.ROOT, ", allocated %.2f (%s -> %s)", allocationRatio(), size(small.allocated()), size(big.allocated()));
        }

        private static double ratio(long a, long b) {
            return a <= 0 ? (b <= 0 ? 1 : Double.POSITIVE_INFINITY) : (double) b / a;
        }
    }

    /**
     * Runs {@code run} on {@code input.apply(SIZE)} and {@code input.apply(2 * SIZE)} (both built
     * before anything is counted, after two warm-up runs on the smaller one so class loading and
     * first-use caches are not counted), prints the figures and returns them.
     */
    public static <T> Result measure(String name, IntFunction<T> input, Run<T> run) throws Exception {
        T small = input.apply(SIZE);
        T big = input.apply(2 * SIZE);
        run.parse(small);
        run.parse(small);
        Work a = once(small, run);
        Work b = once(big, run);
        var result = new Result(name, a, b);
        System.out.println("[scaling] " + name + ": " + result.figures());
        return result;
    }

    /** {@link #measure} and {@link Result#assertLinear()}, for a {@link SuiteTally} case. */
    public static <T> void assertLinear(String name, IntFunction<T> input, Run<T> run) throws Exception {
        measure(name, input, run).assertLinear();
    }

    private static <T> Work once(T input, Run<T> run) throws Exception {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        long reads = run.parse(input);
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        return new Work(reads, allocated);
    }

    private static com.sun.management.ThreadMXBean threads() {
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        if (!mx.isThreadAllocatedMemorySupported()) {
            throw new IllegalStateException("This JVM cannot count allocated bytes per thread");
        }
        mx.setThreadAllocatedMemoryEnabled(true);
        return mx;
    }

    private static String size(long bytes) {
        return bytes >= 1024 * 1024 ? String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0)
                : String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }

    /** Thrown when a run passes {@link #READS_PER_UNIT}; the case fails with it. */
    public static final class SuperLinear extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SuperLinear(long reads, long units) {
            super("stopped after " + String.format(Locale.ROOT, "%,d", reads) + " reads of a " + String.format(Locale.ROOT, "%,d", units)
                    + "-unit input (more than " + READS_PER_UNIT + " per unit)");
        }
    }

    /** Counts reads of the input shared by every view on it. */
    private static final class Counter {
        private final long limit;
        private final long units;
        long reads;

        Counter(long units) {
            this.units = units;
            this.limit = units * READS_PER_UNIT;
        }

        void add(long n) {
            reads += n;
            if (reads > limit) {
                throw new SuperLinear(reads, units);
            }
        }
    }

    /**
     * A text input that counts its reads: one per {@code charAt}, and the length of every copy
     * {@code toString()} makes (a parser that copies the rest of the input at each field is
     * counted as reading it). Views from {@code subSequence} share the count.
     */
    public static final class Chars implements CharSequence {
        private final String text;
        private final int from;
        private final int to;
        private final Counter counter;

        private Chars(String text, int from, int to, Counter counter) {
            this.text = text;
            this.from = from;
            this.to = to;
            this.counter = counter;
        }

        public static Chars of(String text) {
            return new Chars(text, 0, text.length(), new Counter(Math.max(1, text.length())));
        }

        public long reads() {
            return counter.reads;
        }

        @Override
        public int length() {
            return to - from;
        }

        @Override
        public char charAt(int index) {
            if (index < 0 || index >= to - from) {
                throw new IndexOutOfBoundsException(index);
            }
            counter.add(1);
            return text.charAt(from + index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            if (start < 0 || end > to - from || start > end) {
                throw new IndexOutOfBoundsException("[" + start + ", " + end + ") of " + (to - from));
            }
            return new Chars(text, from + start, from + end, counter);
        }

        @Override
        public String toString() {
            counter.add(to - from);
            return text.substring(from, to);
        }
    }

    /** A byte input that counts the bytes it hands out, in reads of at most {@code slice} bytes. */
    public static final class Bytes extends FilterInputStream {
        private final Counter counter;
        private final int slice;

        private Bytes(byte[] bytes, int slice) {
            super(new java.io.ByteArrayInputStream(bytes));
            this.counter = new Counter(Math.max(1, bytes.length));
            this.slice = slice;
        }

        public static Bytes of(byte[] bytes) {
            return new Bytes(bytes, Integer.MAX_VALUE);
        }

        /** Hands out at most {@code slice} bytes a read, as a slow network does. */
        public static Bytes sliced(byte[] bytes, int slice) {
            return new Bytes(bytes, slice);
        }

        public long reads() {
            return counter.reads;
        }

        /** Adds reads the parser counted itself (bytes it examined in its own buffer). */
        public void addReads(long n) {
            counter.add(n);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counter.add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, Math.min(len, slice));
            if (n > 0) {
                counter.add(n);
            }
            return n;
        }

        @Override
        public long transferTo(java.io.OutputStream out) throws IOException {
            // Through read(..), so the bytes are counted (FilterInputStream may hand the work to the wrapped stream).
            byte[] buffer = new byte[8192];
            long total = 0;
            for (int n; (n = read(buffer, 0, buffer.length)) > 0; ) {
                out.write(buffer, 0, n);
                total += n;
            }
            return total;
        }
    }
}
