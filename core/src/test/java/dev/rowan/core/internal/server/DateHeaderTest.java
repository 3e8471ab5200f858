package dev.rowan.core.internal.server;

import dev.rowan.core.internal.HttpDates;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class DateHeaderTest {
    @Test
    void theLineCarriesTheCurrentValueAfterATick() {
        DateHeader.tick();
        String value = DateHeader.now();
        assertThat(value).matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
        assertThat(new String(DateHeader.line(), StandardCharsets.US_ASCII)).isEqualTo("date: " + value + "\r\n");
        long now = System.currentTimeMillis() / 1000;
        // At most one second behind the clock right after a tick (a second may turn between the two reads).
        assertThat(value).isIn(HttpDates.formatSeconds(now), HttpDates.formatSeconds(now - 1), HttpDates.formatSeconds(now + 1));
    }
}
