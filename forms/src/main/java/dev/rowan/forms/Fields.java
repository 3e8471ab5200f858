package dev.rowan.forms;

import dev.rowan.core.UploadedFile;
import dev.rowan.forms.internal.Kind;
import dev.rowan.forms.internal.Raw;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Factories for every field type. Each takes the field's name and any validators, and gives a required
 * {@link Field} whose key type is the cleaned value's type.
 *
 * <pre>{@code
 * import static dev.rowan.forms.Validators.*;
 *
 * static final Field<String> NAME = Fields.text("name", maxLength(100));
 * static final Field<String> EMAIL = Fields.email("email");
 * static final Field<Integer> AGE = Fields.integer("age", min(0), max(150));
 * static final Field<Boolean> NEWSLETTER = Fields.checkbox("newsletter");
 * static final Field<String> SIZE = Fields.choice("size", Choice.of("s", "Small"), Choice.of("l", "Large"));
 * static final Field<Optional<LocalDate>> BIRTHDAY = Fields.date("birthday").optional();
 * }</pre>
 */
// The validator arrays are only read, never stored or written, so the @SafeVarargs promise holds.
@SuppressWarnings("varargs")
public final class Fields {
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,10}");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final Pattern EMAIL = Pattern.compile(
            "[^@\\s<>\"(),:;\\[\\]\\\\]+@([\\p{L}\\p{N}]([\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?\\.)+[\\p{L}]{2,}[\\p{L}\\p{N}-]*");
    private static final int MAX_EMAIL = 254;

    private Fields() {
    }

    /** Text, stripped of surrounding whitespace; an {@code <input type="text">} ({@link Field#textarea()} for more). */
    @SafeVarargs
    public static Field<String> text(String name, Validator<? super String>... validators) {
        return with(Field.create(name, Kind.TEXT, Raw::first), validators);
    }

    /** Text that is never shown again after a submit. */
    @SafeVarargs
    public static Field<String> password(String name, Validator<? super String>... validators) {
        return with(Field.create(name, Kind.PASSWORD, raw -> raw.values().get(0)), validators);
    }

    /** An e-mail address. */
    @SafeVarargs
    public static Field<String> email(String name, Validator<? super String>... validators) {
        return with(Field.create(name, Kind.EMAIL, raw -> {
            String v = raw.first();
            if (v.length() > MAX_EMAIL || !EMAIL.matcher(v).matches()) {
                throw new ValidationException("Enter a valid e-mail address.");
            }
            return v;
        }), validators);
    }

    /** An http or https URL; "example.com" becomes "http://example.com". */
    @SafeVarargs
    public static Field<String> url(String name, Validator<? super String>... validators) {
        return with(Field.create(name, Kind.URL, raw -> url(raw.first())), validators);
    }

    /** A whole number (an {@code int}). */
    @SafeVarargs
    public static Field<Integer> integer(String name, Validator<? super Integer>... validators) {
        return with(Field.create(name, Kind.NUMBER, raw -> {
            String v = raw.first();
            try {
                if (INTEGER.matcher(v).matches()) {
                    return Integer.parseInt(v);
                }
            } catch (NumberFormatException tooLarge) {
                throw new ValidationException("Enter a whole number between " + Integer.MIN_VALUE + " and "
                        + Integer.MAX_VALUE + ".");
            }
            throw new ValidationException("Enter a whole number.");
        }), validators);
    }

    /** A decimal number, exact ({@link BigDecimal}); no exponent, no NaN or infinity. */
    @SafeVarargs
    public static Field<BigDecimal> decimal(String name, Validator<? super BigDecimal>... validators) {
        Field<BigDecimal> field = Field.create(name, Kind.NUMBER, raw -> {
            String v = raw.first();
            if (!DECIMAL.matcher(v).matches()) {
                throw new ValidationException("Enter a number.");
            }
            return new BigDecimal(v);
        });
        return with(field.attr("step", "any"), validators);
    }

    /** A checkbox: ticked is {@code true}, unticked (absent) {@code false}; {@link Validators#checked} requires a tick. */
    @SafeVarargs
    public static Field<Boolean> checkbox(String name, Validator<? super Boolean>... validators) {
        Field<Boolean> field = Field.create(name, Kind.CHECKBOX, raw -> isTicked(raw.first()));
        return with(field, validators).emptyMeans(false);
    }

    /** One of {@code choices}, shown as a {@code <select>}; the value is the chosen {@link Choice#value()}. */
    public static Field<String> choice(String name, Choice... choices) {
        return choice(name, List.of(choices));
    }

    /** One of {@code choices}. */
    public static Field<String> choice(String name, List<Choice> choices) {
        Set<String> allowed = values(choices);
        return Field.create(name, Kind.SELECT, raw -> {
            String v = raw.first();
            if (!allowed.contains(v)) {
                throw notAChoice(v);
            }
            return v;
        }).withChoices(choices);
    }

    /** One constant of {@code type}; the option values are the constants' names. */
    public static <E extends Enum<E>> Field<E> choice(String name, Class<E> type) {
        List<Choice> choices = Arrays.stream(type.getEnumConstants())
                .map(e -> Choice.of(e.name(), Field.humanize(e.name().toLowerCase(Locale.ROOT)))).toList();
        Set<String> allowed = values(choices);
        return Field.create(name, Kind.SELECT, raw -> {
            String v = raw.first();
            if (!allowed.contains(v)) {
                throw notAChoice(v);
            }
            return Enum.valueOf(type, v);
        }).withChoices(choices);
    }

    /** Any number of {@code choices} (at least one unless optional), in the order sent, without repeats. */
    public static Field<List<String>> multipleChoice(String name, Choice... choices) {
        List<Choice> options = List.of(choices);
        Set<String> allowed = values(options);
        return Field.create(name, Kind.SELECT_MULTIPLE, raw -> {
            Set<String> chosen = new LinkedHashSet<>();
            for (String v : raw.values()) {
                if (!allowed.contains(v.strip())) {
                    throw notAChoice(v);
                }
                chosen.add(v.strip());
            }
            return List.copyOf(chosen);
        }).withChoices(options);
    }

    /** A date, sent as ISO {@code 2026-03-31} (what {@code <input type="date">} sends). */
    @SafeVarargs
    public static Field<LocalDate> date(String name, Validator<? super LocalDate>... validators) {
        return with(Field.create(name, Kind.DATE, raw -> parse(raw.first(), LocalDate::parse,
                "Enter a valid date (YYYY-MM-DD).")), validators);
    }

    /** A date and time, sent as {@code 2026-03-31T14:30} (what {@code <input type="datetime-local">} sends). */
    @SafeVarargs
    public static Field<LocalDateTime> dateTime(String name, Validator<? super LocalDateTime>... validators) {
        return with(Field.create(name, Kind.DATETIME, raw -> parse(raw.first().replace(' ', 'T'),
                s -> LocalDateTime.parse(s, DateTimeFormatter.ISO_LOCAL_DATE_TIME),
                "Enter a valid date and time (YYYY-MM-DD HH:MM).")), validators);
    }

    /** An uploaded file (the form must use {@code enctype="multipart/form-data"}). */
    @SafeVarargs
    public static Field<UploadedFile> file(String name, Validator<? super UploadedFile>... validators) {
        return with(Field.create(name, Kind.FILE, raw -> {
            UploadedFile file = raw.files().stream().filter(f -> !f.filename().isEmpty() || f.size() > 0).findFirst()
                    .orElseThrow(() -> new ValidationException("No file was submitted. Check the form's encoding type."));
            if (file.size() == 0) {
                throw new ValidationException("The submitted file is empty.");
            }
            return file;
        }), validators);
    }

    /** Whether a checkbox's text means ticked; the widget shows a submitted value by the same rule. */
    static boolean isTicked(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "", "false", "0", "off", "no" -> false;
            default -> true;
        };
    }

    private static <T> Field<T> with(Field<T> field, Validator<? super T>[] validators) {
        Field<T> out = field;
        for (Validator<? super T> v : validators) {
            out = out.validate(v);
        }
        return out;
    }

    private static String url(String value) {
        String v = value.contains("://") ? value : "http://" + value;
        try {
            URI uri = new URI(v);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost();
            if ((scheme.equals("http") || scheme.equals("https")) && host != null
                    && (host.contains(".") || host.equals("localhost"))) {
                return v;
            }
        } catch (URISyntaxException e) {
            // falls through to the message below
        }
        throw new ValidationException("Enter a valid URL.");
    }

    private static <T> T parse(String value, Function<String, T> parser, String message) {
        try {
            return parser.apply(value);
        } catch (DateTimeParseException e) {
            throw new ValidationException(message);
        }
    }

    private static Set<String> values(List<Choice> choices) {
        Set<String> out = new LinkedHashSet<>();
        choices.forEach(c -> out.add(c.value()));
        return out;
    }

    private static ValidationException notAChoice(String value) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return new ValidationException("Select a valid choice; '" + shown + "' is not one of the options.");
    }

    static List<String> strings(List<?> values) {
        List<String> out = new ArrayList<>();
        values.forEach(v -> out.add(String.valueOf(v)));
        return out;
    }
}
