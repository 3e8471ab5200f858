package dev.rowan.core;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * One request value (path parameter, query or form field, header or cookie) with typed
 * conversions. A missing or malformed value becomes a 400 whose message names the value and what
 * was expected, so handlers need no parsing boilerplate.
 *
 * <pre>{@code
 * int page = ctx.query("page").asInt(1);          // 1 when absent, 400 when "abc"
 * double value = ctx.query("value").asDouble();   // 400 when absent or not a number
 * Optional<String> q = ctx.query("q").value();
 * }</pre>
 */
public final class Param {
    private final String source;
    private final String name;
    private final String raw;
    private final Object typed;

    private Param(String source, String name, String raw, Object typed) {
        this.source = source;
        this.name = name;
        this.raw = raw;
        this.typed = typed;
    }

    /** A value from {@code source} ("query parameter", "form field", "header", ...); raw may be null when absent. */
    public static Param of(String source, String name, String raw) {
        return new Param(source, name, raw, null);
    }

    /** A path parameter already converted by its route converter. */
    public static Param converted(String name, String raw, Object typed) {
        return new Param("path parameter", name, raw, typed);
    }

    public String name() {
        return name;
    }

    public boolean isPresent() {
        return raw != null;
    }

    /** The raw text, if the client sent this value. */
    public Optional<String> value() {
        return Optional.ofNullable(raw);
    }

    /** The text, or a 400 when absent. */
    public String asString() {
        return require();
    }

    public String asString(String fallback) {
        return raw == null ? fallback : raw;
    }

    public int asInt() {
        return convert("a whole number", Integer::parseInt, Integer.class);
    }

    public int asInt(int fallback) {
        return raw == null || raw.isEmpty() ? fallback : asInt();
    }

    public long asLong() {
        return convert("a whole number", Long::parseLong, Long.class);
    }

    public long asLong(long fallback) {
        return raw == null || raw.isEmpty() ? fallback : asLong();
    }

    /** A finite number; "NaN" and "Infinity" are rejected because no form means them. */
    public double asDouble() {
        double d = convert("a number", s -> Double.parseDouble(rejectWords(s)), Double.class);
        if (!Double.isFinite(d)) {
            throw bad("a finite number");
        }
        return d;
    }

    public double asDouble(double fallback) {
        return raw == null || raw.isEmpty() ? fallback : asDouble();
    }

    public BigDecimal asDecimal() {
        return convert("a decimal number", s -> new BigDecimal(s.strip()), BigDecimal.class);
    }

    /** Accepts true/false, on/off, yes/no, 1/0 (HTML checkboxes send "on"). */
    public boolean asBoolean() {
        return convert("true or false", Param::parseBoolean, Boolean.class);
    }

    public boolean asBoolean(boolean fallback) {
        return raw == null || raw.isEmpty() ? fallback : asBoolean();
    }

    public UUID asUuid() {
        return convert("a UUID", UUID::fromString, UUID.class);
    }

    /** The value converted by a route converter ({@code {id:int}} gives an Integer), or by {@code parser}. */
    public <T> T as(Class<T> type, Function<String, T> parser) {
        return convert("a valid " + type.getSimpleName(), parser, type);
    }

    /** The typed value of a converted path parameter. */
    public <T> T as(Class<T> type) {
        if (typed != null && type.isInstance(typed)) {
            return type.cast(typed);
        }
        throw new IllegalArgumentException("The " + source + " '" + name + "' is not a " + type.getName()
                + (typed == null ? "; use a typed route pattern such as {" + name + ":int}" : "; it is a " + typed.getClass().getName()));
    }

    private <T> T convert(String expected, Function<String, T> parser, Class<T> type) {
        if (typed != null && type.isInstance(typed)) {
            return type.cast(typed);
        }
        String text = require();
        try {
            return parser.apply(text.strip());
        } catch (RuntimeException e) {
            throw bad(expected);
        }
    }

    private String require() {
        if (raw == null) {
            throw HttpException.badRequest("The " + source + " '" + name + "' is required.");
        }
        return raw;
    }

    private HttpException bad(String expected) {
        String shown = raw.length() > 40 ? raw.substring(0, 40) + "…" : raw;
        return HttpException.badRequest("The " + source + " '" + name + "' must be " + expected + ", got '" + shown + "'.");
    }

    private static String rejectWords(String s) {
        // Double.parseDouble accepts "1d", "0x1p3" and "NaN"; people never mean those in a form.
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isDigit(c) || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                throw new NumberFormatException(s);
            }
        }
        return s;
    }

    private static Boolean parseBoolean(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes", "1" -> Boolean.TRUE;
            case "false", "off", "no", "0" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(s);
        };
    }

    @Override
    public String toString() {
        return source + " " + name + "=" + raw;
    }
}
