package dev.rowan.core.internal.server;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.Socket;

import static org.assertj.core.api.Assertions.assertThat;

/** Graceful shutdown: requests in flight finish, idle connections and new ones do not get in. */
class ShutdownTest {
    @Test
    void aRequestInFlightFinishesWhileNewConnectionsAreRefused() throws Exception {
        TestServer server = TestServer.start();
        int port = server.port();
        try (RawClient busy = RawClient.connect(port); RawClient idle = RawClient.connect(port)) {
            assertThat(idle.send("GET /x HTTP/1.1\r\nHost: a\r\n\r\n").read().status()).isEqualTo(200);
            busy.send("GET /slow HTTP/1.1\r\nHost: a\r\n\r\n");
            server.slowStarted.await();
            Thread stopper = Thread.ofPlatform().start(server::close);

            assertThat(refusedEventually(port)).as("new connections refused once stop began").isTrue();
            assertThat(idle.closedByServer()).as("idle keep-alive connection closed").isTrue();
            var r = busy.read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("slow done");
            assertThat(r.says("close")).isTrue();
            assertThat(busy.closedByServer()).isTrue();
            stopper.join();
        }
    }

    private static boolean refusedEventually(int port) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                Thread.sleep(5);
            } catch (ConnectException refused) {
                return true;
            } catch (java.io.IOException other) {
                return true;
            }
        }
        return false;
    }
}
