package dev.rowan.json;

import dev.rowan.core.security.Scaling;
import dev.rowan.core.security.SuiteTally;
import dev.rowan.core.spi.JsonCodec;
import dev.rowan.core.spi.JsonCodec.MalformedJsonException;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Algorithmic abuse of the JSON binder: hostile bodies of 512 KB and 1 MB bound to records, lists,
 * maps and untyped values with the default limits (200 levels of nesting). Work is the bytes read
 * from the body and the bytes allocated; both may at most about double when the body doubles (see
 * {@link Scaling}). A body the codec refuses (a 400) has finished too; anything else fails the case.
 */
class JsonScalingTest {
    record Text(String text) {}

    record Point(int x, int y) {}

    record Item(String name, int count, List<String> tags) {}

    private static final Type INTS = new TypeReference<List<Integer>>() { }.getType();
    private static final Type STRINGS = new TypeReference<List<String>>() { }.getType();
    private static final Type POINTS = new TypeReference<List<Point>>() { }.getType();
    private static final Type DOUBLES = new TypeReference<List<Double>>() { }.getType();
    private static final Type DECIMALS = new TypeReference<List<BigDecimal>>() { }.getType();
    private static final Type MAP = new TypeReference<Map<String, Integer>>() { }.getType();
    private static final List<String> QUAD_SUM_KEYS = quadSumKeys();

    private final JsonCodec codec = Json.codec();

    @Test
    void hostileJsonBodiesScaleLinearly() {
        var tally = SuiteTally.of("algorithmic abuse, JSON binder");
        read(tally, "huge array of ints (List<Integer>)", INTS, n -> array("1", n));
        read(tally, "huge array of ints (int[])", int[].class, n -> array("1", n));
        read(tally, "huge array of strings", STRINGS, n -> array("\"s\"", n));
        read(tally, "huge array of records", POINTS, n -> array("{\"x\":1,\"y\":2}", n));
        read(tally, "huge array of records with lists", new TypeReference<List<Item>>() { }.getType(),
                n -> array("{\"name\":\"n\",\"count\":1,\"tags\":[\"a\",\"b\"]}", n));
        read(tally, "huge array of decimals (List<Double>)", DOUBLES, n -> array("0.1", n));
        read(tally, "huge array of 1e308 (List<BigDecimal>)", DECIMALS, n -> array("1e308", n));
        read(tally, "huge array of 999-digit numbers (List<BigInteger>)", new TypeReference<List<BigInteger>>() { }.getType(),
                n -> array("9".repeat(999), n));
        read(tally, "huge array of empty arrays (untyped)", Object.class, n -> array("[]", n));
        read(tally, "one long plain string", Text.class, n -> text("a".repeat(n)));
        read(tally, "one long string of \\\" and \\\\ escapes", Text.class, n -> text("\\\"\\\\".repeat(n / 4)));
        read(tally, "one long string of \\n escapes", Text.class, n -> text("\\n".repeat(n / 2)));
        read(tally, "one long string of \\u0041 escapes", Text.class, n -> text("\\u0041".repeat(n / 6)));
        read(tally, "one long string of escaped surrogate pairs", Text.class, n -> text("\\uD83D\\uDE00".repeat(n / 12)));
        read(tally, "one long string of raw UTF-8", Text.class, n -> text("é".repeat(n / 2)));
        read(tally, "many distinct keys (Map)", MAP, n -> object(n, i -> "k" + i));
        read(tally, "many distinct 36-byte keys (Map)", MAP, n -> object(n, i -> String.format("k%035d", i)));
        read(tally, "many keys of one String hash (Map)", MAP, n -> object(n, JsonScalingTest::collidingKey));
        read(tally, "many keys of one Jackson symbol hash (Map)", MAP, n -> object(n, JsonScalingTest::sameQuadSumKey));
        read(tally, "many copies of one key (Map)", MAP, n -> object(n, i -> "k"));
        read(tally, "many distinct keys (untyped)", Object.class, n -> object(n, i -> "k" + i));
        read(tally, "deep-but-allowed nesting of arrays, repeated", Object.class, n -> array(nested("[", "]", 199), n));
        read(tally, "deep-but-allowed nesting of objects, repeated", Object.class, n -> array(nested("{\"a\":", "}", 198, "1"), n));
        read(tally, "too deep, after 1 MB of allowed values (400)", Object.class,
                n -> "[" + "1,".repeat((n - 420) / 2) + nested("[", "]", 205) + "]");
        read(tally, "1 MB of whitespace, then a value", Object.class, n -> " ".repeat(n - 1) + "1");
        read(tally, "one huge number (400)", BigInteger.class, n -> "1".repeat(n));
        read(tally, "one huge key (400)", MAP, n -> "{\"" + "k".repeat(n - 6) + "\":1}");
        read(tally, "unknown field after 1 MB (400)", Text.class, n -> "{\"text\":\"" + "a".repeat(n - 30) + "\",\"nope\":1}");
        read(tally, "many unknown fields (400)", Text.class, n -> object(n, i -> "k" + i));
        read(tally, "malformed at the end (400)", INTS, n -> array("1", n - 2).replaceFirst("]$", ",]"));
        read(tally, "unclosed string (400)", Text.class, n -> "{\"text\":\"" + "a".repeat(n - 9));
        read(tally, "unclosed arrays, 199 deep (400)", Object.class, n -> "[".repeat(199) + "1,".repeat((n - 199) / 2));
        read(tally, "wrong type at the end (400)", INTS, n -> array("1", n - 6).replaceFirst("]$", ",\"x\"]"));
        read(tally, "trailing values (400)", Object.class, n -> "1 ".repeat(n / 2));
        write(tally, "writing a 1 MB string of <>&\"\\ and control characters", n -> new Text("<>&\"\\\u0001\n".repeat(n / 7)));
        write(tally, "writing a list of many records", n -> points(n / 16));
        tally.assertAllPassed();
    }

    /**
     * Property names are not kept between bodies: names built to collide in a shared symbol table,
     * sent in small bodies that each parse fine, once made a later body with many names a 400.
     */
    @Test
    void bodiesOfCollidingNamesDoNotAffectLaterBodies() throws Exception {
        for (int body = 0; body < 30; body++) {
            var keys = QUAD_SUM_KEYS.subList(body * 20, body * 20 + 20);
            assertThat(codec.<Map<String, Integer>>read(new ByteArrayInputStream(keysObject(keys)), MAP)).hasSize(20);
        }
        var many = new ArrayList<String>();
        for (int i = 0; i < 20_000; i++) {
            many.add("k" + i);
        }
        assertThat(codec.<Map<String, Integer>>read(new ByteArrayInputStream(keysObject(many)), MAP)).hasSize(20_000);
    }

    private static byte[] keysObject(List<String> keys) {
        var sb = new StringBuilder("{");
        keys.forEach(k -> sb.append(sb.length() == 1 ? "" : ",").append('"').append(k).append("\":1"));
        return sb.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private void read(SuiteTally tally, String name, Type type, IntFunction<String> json) {
        tally.check(name, () -> Scaling.assertLinear(name, n -> json.apply(n).getBytes(StandardCharsets.UTF_8), bytes -> {
            var in = Scaling.Bytes.of(bytes);
            try {
                codec.read(in, type);
            } catch (MalformedJsonException refused) {
                // A 400 with a sentence for the client: a fine way to finish.
            }
            return in.reads();
        }));
    }

    private void write(SuiteTally tally, String name, IntFunction<Object> value) {
        tally.check(name, () -> Scaling.assertLinear(name, value, v -> {
            codec.toBytes(v);
            return -1;
        }));
    }

    /** {@code [e,e,...]} of about {@code n} bytes. */
    private static String array(String element, int n) {
        int count = Math.max(1, n / (element.length() + 1));
        var sb = new StringBuilder(n + element.length() + 2).append('[');
        for (int i = 0; i < count; i++) {
            sb.append(i == 0 ? "" : ",").append(element);
        }
        return sb.append(']').toString();
    }

    /** {@code {"k0":1,"k1":1,...}} of about {@code n} bytes. */
    private static String object(int n, IntFunction<String> key) {
        var sb = new StringBuilder(n + 64).append('{');
        for (int i = 0; sb.length() < n - 32; i++) {
            sb.append(i == 0 ? "" : ",").append('"').append(key.apply(i)).append("\":1");
        }
        return sb.append('}').toString();
    }

    /** Keys built of "Aa" and "BB", which have the same {@code String.hashCode()}: all of them collide in a HashMap. */
    private static String collidingKey(int i) {
        var sb = new StringBuilder(36);
        for (int bit = 0; bit < 18; bit++) {
            sb.append((i >> bit & 1) == 0 ? "Aa" : "BB");
        }
        return sb.toString();
    }

    /**
     * Keys of a 12-byte prefix and 16 four-byte blocks, eight "XXXX" and eight "YYYY" in a different
     * order each (12,870 of them, then repeated): Jackson's symbol table hashes the blocks after the
     * third by adding them up, so the order does not change the hash and all of them collide there.
     */
    private static String sameQuadSumKey(int i) {
        return QUAD_SUM_KEYS.get(i % QUAD_SUM_KEYS.size());
    }

    private static List<String> quadSumKeys() {
        var keys = new ArrayList<String>();
        for (int bits = 0; bits < 1 << 16; bits++) {
            if (Integer.bitCount(bits) == 8) {
                var sb = new StringBuilder("AAAABBBBCCCC");
                for (int b = 0; b < 16; b++) {
                    sb.append((bits >> b & 1) == 0 ? "XXXX" : "YYYY");
                }
                keys.add(sb.toString());
            }
        }
        return keys;
    }

    private static String nested(String open, String close, int depth) {
        return nested(open, close, depth, "");
    }

    private static String nested(String open, String close, int depth, String inside) {
        return open.repeat(depth) + inside + close.repeat(depth);
    }

    private static String text(String escapedContent) {
        return "{\"text\":\"" + escapedContent + "\"}";
    }

    private static List<Point> points(int count) {
        var list = new ArrayList<Point>(count);
        for (int i = 0; i < count; i++) {
            list.add(new Point(i, i));
        }
        return list;
    }
}
