package dev.rowan.json;

import dev.rowan.core.spi.JsonCodec;
import dev.rowan.core.spi.JsonCodec.MalformedJsonException;
import dev.rowan.json.internal.JacksonCodec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.SerializationFeature;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTest {
    enum Color { RED, GREEN }

    record Point(int x, int y) {}

    record Event(String name, LocalDate day, Instant at, List<Point> points) {}

    record Paint(Color color) {}

    record Flag(boolean on) {}

    private final JsonCodec codec = Json.codec();

    private <T> T read(String json, Type type) throws IOException {
        return codec.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), type);
    }

    private String error(String json, Type type) {
        try {
            read(json, type);
        } catch (MalformedJsonException e) {
            return e.getMessage();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("expected a MalformedJsonException for " + json);
    }

    @Test
    void registersItselfThroughTheServiceLoader() {
        assertThat(ServiceLoader.load(JsonCodec.class).findFirst()).get().isInstanceOf(JacksonCodec.class);
    }

    @Test
    void writesAndReadsRecordsAndJavaTime() throws IOException {
        var event = new Event("launch", LocalDate.of(2024, 5, 31), Instant.parse("2024-05-31T12:00:00Z"), List.of(new Point(1, 2)));
        String json = new String(codec.toBytes(event), StandardCharsets.UTF_8);
        assertThat(json).contains("\"day\":\"2024-05-31\"").contains("\"at\":\"2024-05-31T12:00:00Z\"").contains("{\"x\":1,\"y\":2}");
        assertThat((Event) read(json, Event.class)).isEqualTo(event);
    }

    @Test
    void writeStreamsToTheOutput() throws IOException {
        var out = new ByteArrayOutputStream();
        codec.write(Map.of("a", 1), out);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
    }

    @Test
    void malformedJsonSaysWhereAndWhatWasExpected() {
        assertThat(error("{\"x\": 1,\n }", Point.class))
                .contains("line 2, column 2").contains("field name in double quotes").doesNotContain("tools.jackson");
        assertThat(error("{\"x\": 1 \"y\": 2}", Point.class)).contains("line 1").contains("',' or '}'");
        assertThat(error("[1, 2 3]", List.class)).contains("',' or ']'");
        assertThat(error("{\"x\" 1}", Point.class)).contains("':'");
        assertThat(error("{\"x\": 'a'}", Point.class)).contains("found '''").contains("a value was expected");
        assertThat(error("{\"x\": True}", Point.class)).contains("'True' is not a JSON value");
    }

    @Test
    void truncatedEmptyAndTrailingInputAreExplained() {
        assertThat(error("{\"x\": 1", Point.class)).contains("ends too early");
        assertThat(error("", Point.class)).contains("body is empty");
        assertThat(error("{\"x\":1,\"y\":2} {}", Point.class)).contains("extra content after its end");
    }

    @Test
    void unknownFieldIsRefusedByName() {
        assertThat(error("{\"x\":1,\"y\":2,\"z\":3}", Point.class))
                .contains("'z' is not allowed").contains("known fields are x, y");
    }

    @Test
    void wrongTypeNamesTheFieldAndTheExpectedKind() {
        assertThat(error("{\"x\":\"abc\",\"y\":2}", Point.class)).contains("'x' must be a whole number").contains("\"abc\"");
        assertThat(error("{\"name\":\"a\",\"day\":\"31/05/2024\"}", Event.class)).contains("'day'").contains("2024-05-31");
        assertThat(error("{\"name\":\"a\",\"points\":[{\"x\":1,\"y\":\"no\"}]}", Event.class)).contains("'points[0].y'");
        assertThat(error("{\"color\":\"BLUE\"}", Paint.class)).contains("'color'").contains("one of GREEN, RED");
        assertThat(error("{\"on\":null}", Flag.class)).contains("'on' must not be null");
        assertThat(error("[1]", Point.class)).contains("must be an object");
    }

    @Test
    void nestingDeeperThanTheLimitIsRefused() throws IOException {
        String deep = "[".repeat(Json.DEFAULT_MAX_NESTING_DEPTH + 1) + "]".repeat(Json.DEFAULT_MAX_NESTING_DEPTH + 1);
        assertThat(error(deep, Object.class)).isEqualTo("The JSON body nests too deeply: more than 200 levels of objects and arrays are not accepted.");
        String ok = "[".repeat(50) + "]".repeat(50);
        Object parsed = read(ok, Object.class);
        assertThat(parsed).isNotNull();
        JsonCodec strict = Json.builder().maxNestingDepth(10).build();
        assertThatThrownBy(() -> strict.read(new ByteArrayInputStream(ok.getBytes(StandardCharsets.UTF_8)), Object.class))
                .isInstanceOf(MalformedJsonException.class).hasMessageContaining("more than 10 levels");
    }

    @Test
    void longStringsAndDocumentsAreRefused() {
        JsonCodec small = Json.builder().maxStringLength(10).maxDocumentLength(1000).build();
        assertThatThrownBy(() -> small.read(new ByteArrayInputStream("\"aaaaaaaaaaaaaaaaaaaaaaa\"".getBytes(StandardCharsets.UTF_8)), String.class))
                .isInstanceOf(MalformedJsonException.class).hasMessage("The JSON body has a string that is too long: at most 10 characters are accepted.");
        String big = "[" + "1,".repeat(1000) + "1]";
        assertThatThrownBy(() -> small.read(new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)), Object.class))
                .isInstanceOf(MalformedJsonException.class).hasMessage("The JSON body is too large: at most 1000 bytes are accepted.");
    }

    record Age(int years) {
        Age {
            if (years < 0) {
                throw new IllegalArgumentException("an age cannot be negative");
            }
        }
    }

    record Named(String name) {
        Named {
            name.length();   // a bug in the record: a NullPointerException naming its code for a missing name
        }
    }

    @Test
    void aConstructorsRefusalIsShownButItsAccidentsAreNot() {
        assertThat(error("{\"years\": -1}", Age.class)).isEqualTo("The JSON body has a value that is not accepted (line 1, column 13): "
                + "an age cannot be negative.");
        assertThat(error("{}", Named.class)).startsWith("The JSON body has a value that is not accepted").doesNotContain("length")
                .doesNotContain("null").endsWith(".");
    }

    @Test
    void everyParserLimitIsASentenceWithoutTheParsersInternals() {
        assertThat(error("{\"" + "n".repeat(60_000) + "\": 1}", Object.class))
                .isEqualTo("The JSON body has a field name that is too long: at most 50000 characters are accepted.");
        assertThat(error("[" + "9".repeat(2_000) + "]", Object.class))
                .isEqualTo("The JSON body has a number with too many digits: at most 1000 digits are accepted.");
    }

    @Test
    void aFailingBodyStreamIsAnIoErrorNotMalformedJson() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                throw new IOException("connection reset");
            }
        };
        assertThatThrownBy(() -> codec.read(broken, Point.class)).isInstanceOf(IOException.class).hasMessage("connection reset");
    }

    @Test
    void bytesThatAreNoUnicodeTextAreMalformedJsonNotAnIoError() {
        // Found by JsonBindingFuzzTest: four zero bytes make Jackson decode UTF-32, and a code point above
        // U+10FFFF came out as an IOException, which callers take for a broken connection.
        byte[] utf32 = {0, 0, 0, 0, '[', '[', '[', (byte) 0xff, '[', '['};
        // ...and a byte order Jackson guesses but does not decode (UCS-4 "3412") came out the same way.
        byte[] ucs4 = {0, ':', 0, 0, 0, 0, 0, 0, 'i', 'd', '"', ':', '1', '"', '}'};
        for (byte[] body : List.of(utf32, ucs4)) {
            assertThatThrownBy(() -> codec.read(new ByteArrayInputStream(body), Object.class))
                    .isInstanceOf(MalformedJsonException.class)
                    .hasMessageStartingWith("The JSON body is not valid UTF-8, UTF-16 or UTF-32 text");
        }
    }

    @Test
    void theMapperCanBeCustomised() {
        JsonCodec pretty = Json.codec(b -> b.enable(SerializationFeature.INDENT_OUTPUT));
        assertThat(new String(pretty.toBytes(new Point(1, 2)), StandardCharsets.UTF_8)).contains("\n");
        assertThat(new String(codec.toBytes(new Point(1, 2)), StandardCharsets.UTF_8)).doesNotContain("\n");
    }

    @Test
    void builderRefusesNonsenseLimits() {
        assertThatThrownBy(() -> Json.builder().maxNestingDepth(0)).hasMessageContaining("maxNestingDepth must be positive");
    }
}
