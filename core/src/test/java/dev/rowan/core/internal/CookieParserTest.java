package dev.rowan.core.internal;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Cookie headers as browsers send them, and the broken pairs they sometimes carry. */
class CookieParserTest {
    @Test
    void readsPairsAndTheFirstOfARepeatedName() {
        assertThat(CookieParser.parse(List.of("a=1; b=\"two\"; a=3", "c=4")))
                .containsEntry("a", "1").containsEntry("b", "two").containsEntry("c", "4").hasSize(3);
    }

    @Test
    void aPairWhoseNameIsOnlyBlanksIsSkipped() {
        // Found by CookieFuzzTest: " =v" gave a cookie named "" that ctx.cookie("") would return.
        assertThat(CookieParser.parse(List.of("e=; =novalue; \t=x; a=1"))).containsOnlyKeys("e", "a");
    }
}
