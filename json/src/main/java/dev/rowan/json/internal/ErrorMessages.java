package dev.rowan.json.internal;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Jackson's parser and binding errors into sentences for the client: where (line and
 * column, and the field path) and what was expected. Jackson's own messages name Java classes
 * and internal features, which mean nothing to the person sending the request.
 */
final class ErrorMessages {
    private static final Pattern UNEXPECTED_CHAR = Pattern.compile("Unexpected character \\(('.*?'|CTRL-CHAR[^)]*) \\(code \\d+\\)\\)");
    private static final Pattern UNRECOGNIZED_TOKEN = Pattern.compile("Unrecognized token '([^']*)'");
    private static final Pattern MAXIMUM = Pattern.compile("maximum allowed \\((\\d+)");

    private ErrorMessages() {
    }

    static String describe(JacksonException e) {
        String where = where(e);
        String field = fieldPath(e);
        return switch (e) {
            case UnrecognizedPropertyException u -> "The JSON field '" + field + "' is not allowed here" + where
                    + knownFields(u.getKnownPropertyIds()) + ".";
            case InvalidFormatException f -> "The JSON field '" + field + "' must be " + expected(f.getTargetType())
                    + ", got " + shown(f.getValue()) + where + ".";
            case MismatchedInputException m when m.getOriginalMessage().startsWith("No content to map") ->
                    "The request body is empty; expected a JSON value.";
            case MismatchedInputException m when m.getOriginalMessage().contains("Trailing token") ->
                    "The JSON has extra content after its end" + where + "; send exactly one JSON value.";
            case MismatchedInputException m when m.getOriginalMessage().contains("map `null` into type") ->
                    "The JSON field '" + field + "' must not be null; expected " + expected(m.getTargetType()) + where + ".";
            case MismatchedInputException m -> (field.isEmpty() ? "The JSON body" : "The JSON field '" + field + "'")
                    + " must be " + expected(m.getTargetType()) + where + ".";
            case ValueInstantiationException v -> (field.isEmpty() ? "The JSON body" : "The JSON field '" + field + "'")
                    + " has a value that is not accepted" + where + refusal(v) + ".";
            case StreamConstraintsException c -> limit(c.getOriginalMessage());
            case UnexpectedEndOfInputException u -> "The JSON ends too early" + where
                    + "; a string, object or array is not closed, or a value is missing.";
            default -> "The JSON is malformed" + where + ": " + syntax(e.getOriginalMessage()) + ".";
        };
    }

    private static String where(JacksonException e) {
        TokenStreamLocation loc = e.getLocation();
        if (loc == null || loc == TokenStreamLocation.NA || loc.getLineNr() < 1) {
            return "";
        }
        return " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
    }

    /** {@code items[2].name} from Jackson's reference chain. */
    static String fieldPath(JacksonException e) {
        var sb = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            if (r.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String knownFields(Collection<Object> known) {
        if (known == null || known.isEmpty()) {
            return "";
        }
        var names = new TreeSet<String>();
        known.forEach(k -> names.add(String.valueOf(k)));
        return "; the known fields are " + String.join(", ", names);
    }

    /** What a value of {@code type} looks like, in JSON words. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "a different kind of value";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class || type == short.class
                || type == Short.class || type == byte.class || type == Byte.class || type == BigInteger.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class || type == BigDecimal.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class || type == char.class || type == Character.class) {
            return "a string";
        }
        if (type.isEnum()) {
            var names = new TreeSet<String>();
            for (Object c : type.getEnumConstants()) {
                names.add(((Enum<?>) c).name());
            }
            return "one of " + String.join(", ", names);
        }
        if (type == java.time.LocalDate.class) {
            return "a date such as \"2024-05-31\"";
        }
        if (type == java.time.LocalTime.class) {
            return "a time such as \"13:45:00\"";
        }
        if (type == java.time.LocalDateTime.class) {
            return "a date and time such as \"2024-05-31T13:45:00\"";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a date and time with offset such as \"2024-05-31T13:45:00Z\"";
        }
        if (type == java.time.Duration.class) {
            return "a duration such as \"PT30S\"";
        }
        if (type == java.util.UUID.class) {
            return "a UUID string";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord() || !type.getName().startsWith("java.")) {
            return "an object";
        }
        return "a " + type.getSimpleName();
    }

    private static String shown(Object value) {
        String s = String.valueOf(value);
        if (s.length() > 40) {
            s = s.substring(0, 40) + "…";
        }
        return value instanceof String ? "\"" + s + "\"" : s;
    }

    /**
     * The reason a constructor gave for refusing a value, when it gave one on purpose: an
     * {@link IllegalArgumentException} with a message ({@code Objects.requireNonNull}'s and other
     * accidents, such as a NullPointerException's, describe the code, not the value, so they are left out).
     */
    private static String refusal(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c instanceof IllegalArgumentException && c.getMessage() != null && !c.getMessage().isBlank()
                ? ": " + firstLine(c.getMessage()) : "";
    }

    /**
     * A limit of the parser's (depth, string, number, name, document, tokens) in words: Jackson's own text
     * names its configuration methods, which mean nothing to the client.
     */
    static String limit(String message) {
        String m = firstLine(message == null ? "" : message);
        Matcher max = MAXIMUM.matcher(m);
        String n = max.find() ? max.group(1) : null;
        if (m.contains("nesting depth")) {
            return "The JSON body nests too deeply: " + (n == null ? "it has too many" : "more than " + n) + " levels of objects and arrays"
                    + (n == null ? "." : " are not accepted.");
        }
        if (m.contains("String value length")) {
            return "The JSON body has a string that is too long" + atMost(n, "characters");
        }
        if (m.contains("Number value length") || m.contains("Number length")) {
            return "The JSON body has a number with too many digits" + atMost(n, "digits");
        }
        if (m.contains("Name length")) {
            return "The JSON body has a field name that is too long" + atMost(n, "characters");
        }
        if (m.contains("Document length") || m.contains("document length")) {
            return "The JSON body is too large" + atMost(n, "bytes");
        }
        if (m.contains("Token count")) {
            return "The JSON body has too many values" + atMost(n, "values");
        }
        return "The JSON body is too large or too complex to accept.";
    }

    private static String atMost(String n, String unit) {
        return n == null ? "." : ": at most " + n + " " + unit + " are accepted.";
    }

    /** Rewrites the common parser complaints; anything else keeps Jackson's first line. */
    static String syntax(String original) {
        String m = firstLine(original == null ? "" : original);
        String found = "";
        Matcher c = UNEXPECTED_CHAR.matcher(m);
        if (c.find()) {
            found = "found " + c.group(1) + " ";
        }
        if (m.contains("double-quote to start field name") || m.contains("double-quote to start property name")) {
            return found + "where a field name in double quotes was expected";
        }
        if (m.contains("comma to separate Object entries")) {
            return found + "where ',' or '}' was expected after a field's value";
        }
        if (m.contains("comma to separate Array entries")) {
            return found + "where ',' or ']' was expected after an array element";
        }
        if (m.contains("colon to separate")) {
            return found + "where ':' was expected after a field name";
        }
        if (m.contains("expected a valid value") || m.contains("expected a value")) {
            return found + "where a value was expected (a string in double quotes, a number, an object, an array, true, false or null)";
        }
        Matcher t = UNRECOGNIZED_TOKEN.matcher(m);
        if (t.find()) {
            return "'" + t.group(1) + "' is not a JSON value (strings need double quotes; true, false and null are lower case)";
        }
        if (m.contains("Illegal unquoted character")) {
            return "a control character (such as a raw line break) inside a string must be escaped";
        }
        if (m.contains("Unrecognized character escape")) {
            return "a string contains an unknown escape sequence after '\\'";
        }
        if (m.contains("Unexpected close marker")) {
            return found + "a closing bracket that does not match the open one";
        }
        if (m.contains("Invalid UTF-8")) {
            return "the body is not valid UTF-8 text";
        }
        // Anything not recognised above: Jackson's wording names its internals, so it is not passed on.
        return found + "where the text is not valid JSON";
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s.strip() : s.substring(0, nl).strip();
    }
}
