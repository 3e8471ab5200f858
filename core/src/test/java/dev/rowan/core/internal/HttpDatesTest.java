package dev.rowan.core.internal;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class HttpDatesTest {
    private static final DateTimeFormatter JDK_IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    @Test
    void formatsImfFixdateWithATwoDigitDay() {
        long second = ZonedDateTime.of(2026, 12, 1, 8, 5, 9, 0, ZoneOffset.UTC).toEpochSecond();
        assertThat(HttpDates.formatSeconds(second)).isEqualTo("Tue, 01 Dec 2026 08:05:09 GMT");
        assertThat(HttpDates.format(second * 1000 + 999)).isEqualTo("Tue, 01 Dec 2026 08:05:09 GMT");
    }

    @Test
    void agreesWithTheJdksFormatterAndParsesItsOwnOutput() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            long second = random.nextLong(0, 4_102_444_800L); // 1970 to 2100
            String ours = HttpDates.formatSeconds(second);
            assertThat(ours).isEqualTo(JDK_IMF_FIXDATE.format(Instant.ofEpochSecond(second)));
            assertThat(HttpDates.parseSeconds(ours)).contains(second);
        }
    }

    @Test
    void ignoresWhatIsNotADate() {
        assertThat(HttpDates.parseSeconds("yesterday")).isEmpty();
        assertThat(HttpDates.parseSeconds("Tue, 01 Dec 2026 08:05:09")).isEmpty();
    }
}
