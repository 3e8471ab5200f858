package dev.rowan.core.internal.reload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The parent side of auto-reload: runs the child, restarts it after each settled change, and stops
 * it on shutdown. One instance per supervising JVM.
 */
public final class Supervisor implements AutoCloseable {
    /** Longer than the server's default graceful shutdown (10 s), so in-flight requests can finish. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);

    private final ChildCommand command;
    private final TreeWatcher watcher;
    private volatile Process child;
    private volatile Process stoppedOnPurpose;
    private volatile boolean stopping;
    private int restarts;

    private Supervisor(ChildCommand command, Duration quiet) {
        this.command = command;
        this.watcher = new TreeWatcher(command.watchedRoots(), quiet);
    }

    /**
     * Supervises until Ctrl-C/SIGTERM (a shutdown hook stops the child); returns the exit code to use.
     * A change counts once the files have been quiet for {@code quiet}.
     */
    public static int runUntilStopped(ChildCommand command, Duration quiet) {
        Supervisor s = new Supervisor(command, quiet);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(s::close));
        try {
            s.run();
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        } finally {
            s.close();
        }
    }

    /** In the child: end with the parent, so a killed supervisor never leaves a server holding the port. */
    public static void exitWhenParentDies() {
        ProcessHandle.current().parent().ifPresent(p -> p.onExit().thenRun(() -> System.exit(1)));
    }

    private void run() throws InterruptedException {
        say("watching " + command.watchedRoots().size() + " folder(s) for changes; Ctrl-C to quit");
        startChild();
        Optional<Path> changed;
        while (!stopping && (changed = watcher.awaitChange()).isPresent()) {
            if (!command.mainClassReady()) {
                // Mid-build: the running app keeps serving, and the build's next writes end the wait.
                say(changed.get() + " changed while " + command.mainClassFile().orElseThrow().getFileName()
                        + " is missing (a build is under way); restarting once it is back");
                continue;
            }
            restarts++;
            say(changed.get() + " changed, restarting (" + restarts + ")");
            stopChild();
            startChild();
        }
    }

    private synchronized void startChild() {
        if (stopping) {
            return;
        }
        var pb = new ProcessBuilder(command.command()).inheritIO();
        pb.environment().put(command.markerVariable(), "1");
        try {
            Process p = pb.start();
            child = p;
            p.onExit().thenAccept(this::reportOwnExit);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + command.command().getFirst(), e);
        }
    }

    private void reportOwnExit(Process p) {
        if (!stopping && p == child && p != stoppedOnPurpose) {
            say("the app exited with code " + p.exitValue() + "; waiting for a change to restart it");
        }
    }

    private synchronized void stopChild() throws InterruptedException {
        Process p = child;
        if (p == null || !p.isAlive()) {
            return;
        }
        stoppedOnPurpose = p;
        p.destroy(); // SIGTERM: the child's shutdown hooks stop the server gracefully
        if (!p.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
            say("the app did not stop within " + STOP_GRACE.toSeconds() + " s; killing it");
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor();
        }
    }

    @Override
    public void close() {
        stopping = true;
        try {
            stopChild();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            watcher.close();
        }
    }

    private static void say(String line) {
        System.out.println("[rowan reload] " + line);
    }
}
