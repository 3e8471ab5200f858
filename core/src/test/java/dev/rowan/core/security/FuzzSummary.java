package dev.rowan.core.security;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

import java.io.PrintStream;

/**
 * Counts the inputs a fuzz target ran and prints {@code [security] fuzz <target>: N inputs run / M crashes}
 * when its class is done (the figures docs/security.md quotes). The count covers every call of the
 * target: the committed seed corpus, then what the fuzzer generated. Jazzer stops at the first
 * finding, which fails the test, so M is 0 or 1.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final FuzzSummary SUMMARY = FuzzSummary.of("router");
 *
 * @FuzzTest
 * void route(byte[] input) {
 *     SUMMARY.input();
 *     ...
 * }
 * }</pre>
 */
public final class FuzzSummary implements AfterAllCallback, TestWatcher {
    private final String target;
    private long inputs;
    private int crashes;

    private FuzzSummary(String target) {
        this.target = target;
    }

    public static FuzzSummary of(String target) {
        quietJazzerProgress();
        return new FuzzSummary(target);
    }

    /** Called by the target once per input, before it runs it. */
    public void input() {
        inputs++;
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        crashes++;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        System.out.println("[security] fuzz " + target + ": " + inputs + " inputs run / " + crashes + (crashes == 1 ? " crash" : " crashes"));
    }

    /**
     * Jazzer logs a line per class it instruments and per hook class, hundreds per target; the test
     * output keeps everything else it prints (warnings, findings). Registered before Jazzer starts.
     */
    private static synchronized void quietJazzerProgress() {
        if (System.err instanceof QuietErr) {
            return;
        }
        System.setErr(new QuietErr(System.err));
    }

    /** Jazzer prints "INFO: " and the message in two calls; the prefix waits for the message. */
    private static final class QuietErr extends PrintStream {
        private static final String INFO = "INFO: ";
        private boolean infoPending;

        QuietErr(PrintStream target) {
            super(target, true);
        }

        @Override
        public synchronized void print(String s) {
            flushInfo();
            if (INFO.equals(s)) {
                infoPending = true;
                return;
            }
            super.print(s);
        }

        @Override
        public synchronized void println(String line) {
            boolean progress = line != null && (line.startsWith("Instrumented ") || line.startsWith("Loaded "));
            if (infoPending && progress) {
                infoPending = false;
                return;
            }
            flushInfo();
            super.println(line);
        }

        private void flushInfo() {
            if (infoPending) {
                infoPending = false;
                super.print(INFO);
            }
        }
    }
}
