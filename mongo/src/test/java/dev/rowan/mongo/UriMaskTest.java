package dev.rowan.mongo;

import dev.rowan.mongo.internal.UriMask;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UriMaskTest {
    @Test
    void hidesOnlyThePassword() {
        assertThat(UriMask.mask("mongodb://ada:secret@db:27017/notes?authSource=admin"))
                .isEqualTo("mongodb://ada:****@db:27017/notes?authSource=admin");
        assertThat(UriMask.mask("mongodb+srv://ada:p%40ss%2Fword@cluster0.example.net/notes"))
                .isEqualTo("mongodb+srv://ada:****@cluster0.example.net/notes");
    }

    @Test
    void leavesUrisWithoutPasswordAlone() {
        assertThat(UriMask.mask("mongodb://db:27017/notes")).isEqualTo("mongodb://db:27017/notes");
        assertThat(UriMask.mask("mongodb://ada@db/notes")).isEqualTo("mongodb://ada@db/notes");
        assertThat(UriMask.mask("not a uri")).isEqualTo("not a uri");
        assertThat(UriMask.mask("mongodb://h1:1,h2:2/x")).isEqualTo("mongodb://h1:1,h2:2/x");
    }
}
