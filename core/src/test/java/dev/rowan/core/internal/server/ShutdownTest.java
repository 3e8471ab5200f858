package dev.rowan.core.internal.server;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.Socket;
import java.util.Map;

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

    /**
     * The handler is done (so nothing is in flight) but most of its 32 MB answer still waits for a
     * client that has not read it: a stop that closed every connection then would cut the answer
     * short, and a proxy in front would report an error for a request the app carried out.
     */
    @Test
    void anAnswerStillBeingWrittenIsWrittenToTheEnd() throws Exception {
        TestServer server = TestServer.start(Map.of("server.idle-timeout", "30s"));
        int size = 32 * 1024 * 1024;
        try (RawClient c = RawClient.connect(server.port())) {
            c.send("GET /bytes?size=" + size + " HTTP/1.1\r\nHost: a\r\n\r\n");
            var head = c.readHead();
            assertThat(head.status()).isEqualTo(200);
            Thread stopper = Thread.ofPlatform().start(server::close);
            stopper.join(1_000); // a stop that does not wait for the answer is over by now
            byte[] body = c.input().readNBytes(size + 1);
            assertThat(body.length).as("answer bytes received").isEqualTo(size);
            assertThat(c.closedByServer()).as("closed after the answer").isTrue();
            stopper.join();
        }
    }

    /**
     * A proxy keeps idle connections to the app in a pool and may have just sent a request on one
     * when the stop begins: within server.shutdown-idle-grace that request is answered, with
     * Connection: close, instead of meeting a closed connection (which leaves a proxy unable to tell
     * whether its POST was carried out). An idle connection nobody uses closes when the grace ends.
     */
    @Test
    void anIdleConnectionStillAnswersARequestThatArrivesWithinTheGrace() throws Exception {
        TestServer server = TestServer.start(Map.of("server.shutdown-idle-grace", "2s"));
        int port = server.port();
        try (RawClient pooled = RawClient.connect(port); RawClient unused = RawClient.connect(port)) {
            assertThat(pooled.send("GET /x HTTP/1.1\r\nHost: a\r\n\r\n").read().status()).isEqualTo(200);
            assertThat(unused.send("GET /x HTTP/1.1\r\nHost: a\r\n\r\n").read().status()).isEqualTo(200);
            Thread stopper = Thread.ofPlatform().start(server::close);
            assertThat(refusedEventually(port)).as("new connections refused once stop began").isTrue();

            var r = pooled.send("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello").read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("hello");
            assertThat(r.says("close")).as("Connection: close").isTrue();
            assertThat(pooled.closedByServer()).isTrue();
            unused.setTimeout(10_000);
            assertThat(unused.closedByServer()).as("the unused one closed when the grace ended").isTrue();
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
