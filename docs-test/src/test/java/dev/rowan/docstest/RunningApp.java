package dev.rowan.docstest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A reader's app started the way its page says ({@code java -jar target/x.jar}) on a free port
 * ({@code PORT}), in the default profile, with its output kept for the test to read.
 */
final class RunningApp implements AutoCloseable {
    private final Process process;
    private final List<String> output = new ArrayList<>();
    private final CountDownLatch listening = new CountDownLatch(1);
    final int port;

    private RunningApp(Process process, int port) {
        this.process = process;
        this.port = port;
        Thread.ofVirtual().start(this::collect);
    }

    static RunningApp start(Path project, String jar, String... systemProperties) throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(systemProperties));
        command.addAll(List.of("-jar", jar));
        ProcessBuilder pb = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true);
        pb.environment().remove("ROWAN_PROFILE");
        pb.environment().remove("MONGODB_URI");   // the notes tutorial runs on its in-process store
        pb.environment().put("PORT", String.valueOf(port));
        RunningApp app = new RunningApp(pb.start(), port);
        if (!app.listening.await(60, TimeUnit.SECONDS) || !app.process.isAlive()) {
            app.close();
            throw new AssertionError("The app did not start listening:\n" + app.output());
        }
        return app;
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    synchronized String output() {
        return String.join("\n", output);
    }

    private void collect() {
        try (var in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                synchronized (this) {
                    output.add(line);
                }
                if (line.contains("listening on http://")) {
                    listening.countDown();
                }
            }
        } catch (IOException e) {
            // the process ended; what it printed is kept
        } finally {
            listening.countDown();
        }
    }

    private static int freePort() throws IOException {
        try (var s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
