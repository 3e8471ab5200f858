package dev.rowan.core.internal.server;

import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Buffer leak sampling stays on outside production (tests catch engine leaks) and is off in it. */
class LeakDetectionTest {
    @Test
    void productionTurnsBufferLeakSamplingOff() {
        ResourceLeakDetector.Level before = ResourceLeakDetector.getLevel();
        try {
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.SIMPLE);
            try (TestServer dev = TestServer.start()) {
                assertThat(ResourceLeakDetector.getLevel()).isEqualTo(ResourceLeakDetector.Level.SIMPLE);
            }
            try (TestServer prod = TestServer.start(Map.of("profile", "prod", "secret.key", "s".repeat(50),
                    "allowed.hosts", "127.0.0.1,localhost"))) {
                assertThat(ResourceLeakDetector.getLevel()).isEqualTo(ResourceLeakDetector.Level.DISABLED);
            }
        } finally {
            ResourceLeakDetector.setLevel(before);
        }
    }
}
