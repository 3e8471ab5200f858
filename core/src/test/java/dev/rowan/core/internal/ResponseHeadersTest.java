package dev.rowan.core.internal;

import dev.rowan.core.spi.ServerExchange.EncodedHeaders;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The ready-encoded run of defaults must only exist while its bytes equal the pairs it stands for. */
class ResponseHeadersTest {
    private static final String[][] DEFAULTS = {{"X-Content-Type-Options", "nosniff"}, {"X-Frame-Options", "DENY"}};
    private static final EncodedHeaders ENCODED = SecurityHeaders.encoded(DEFAULTS);

    @Test
    void defaultsNobodySetBecomeOneEncodedRun() {
        var h = new ResponseHeaders();
        h.set("Content-Type", "text/plain");
        h.addDefaults(DEFAULTS, ENCODED);
        h.add("Set-Cookie", "a=b");
        assertThat(pairs(h)).containsExactly("Content-Type: text/plain", "X-Content-Type-Options: nosniff",
                "X-Frame-Options: DENY", "Set-Cookie: a=b");
        assertThat(h.encodedFrom()).isEqualTo(1);
        assertThat(h.encoded()).isSameAs(ENCODED);
    }

    @Test
    void aDefaultTheAppSetKeepsItsValueAndNoRunIsUsed() {
        var h = new ResponseHeaders();
        h.set("x-frame-options", "SAMEORIGIN");
        h.addDefaults(DEFAULTS, ENCODED);
        assertThat(pairs(h)).containsExactly("x-frame-options: SAMEORIGIN", "X-Content-Type-Options: nosniff");
        assertThat(h.encoded()).isSameAs(EncodedHeaders.NONE);
        assertThat(h.encodedFrom()).isEqualTo(h.size());
    }

    @Test
    void changingAHeaderInsideTheRunDropsTheRun() {
        var set = withRun();
        set.set("X-Frame-Options", "SAMEORIGIN");
        assertThat(set.encoded()).isSameAs(EncodedHeaders.NONE);
        assertThat(pairs(set)).contains("X-Frame-Options: SAMEORIGIN");

        var removed = withRun();
        removed.remove("X-Content-Type-Options");
        assertThat(removed.encoded()).isSameAs(EncodedHeaders.NONE);

        var removedBefore = withRun();
        removedBefore.remove("Content-Type");
        assertThat(removedBefore.encoded()).as("the run moved: its start no longer holds").isSameAs(EncodedHeaders.NONE);
    }

    @Test
    void changesAfterTheRunKeepIt() {
        var h = withRun();
        h.add("Set-Cookie", "a=b");
        h.set("Set-Cookie", "c=d");
        h.remove("Set-Cookie");
        assertThat(h.encoded()).isSameAs(ENCODED);
        assertThat(h.encodedFrom()).isEqualTo(1);
    }

    private static ResponseHeaders withRun() {
        var h = new ResponseHeaders();
        h.set("Content-Type", "text/plain");
        h.addDefaults(DEFAULTS, ENCODED);
        return h;
    }

    private static List<String> pairs(ResponseHeaders h) {
        var out = new ArrayList<String>();
        for (int i = 0; i < h.size(); i++) {
            out.add(h.name(i) + ": " + h.value(i));
        }
        return out;
    }
}
