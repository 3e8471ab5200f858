package dev.rowan.test.core;

import dev.rowan.core.App;
import dev.rowan.test.TestClient;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class LifecycleTest {
    @Test
    void stopHooksRunOnceForAnAppThatOnlyServedTheInMemoryClient() {
        var started = new AtomicInteger();
        var stopped = new AtomicInteger();
        App app = Apps.app().onStart(started::incrementAndGet).onStop(stopped::incrementAndGet).get("/", ctx -> ctx.text("ok"));
        assertThat(TestClient.of(app).get("/").text()).isEqualTo("ok");
        assertThat(started).hasValue(1);
        app.stop();
        app.stop();
        assertThat(stopped).hasValue(1);
    }

    @Test
    void anAppThatNeverStartedStillReleasesWhatItsModulesOpenedOnce() {
        // A command (routes, check) sets the app up without serving; an embedded store a module opened
        // while installing must still be closed, and only once.
        var stopped = new AtomicInteger();
        App app = Apps.app().onStop(stopped::incrementAndGet);
        app.stop();
        app.stop();
        assertThat(stopped).hasValue(1);
    }
}
