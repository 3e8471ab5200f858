package dev.rowan.core;

import dev.rowan.core.internal.RelaxedKeys;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A setting that the app, a module or a third-party battery reads, declared so that Rowan knows it:
 * a {@code ROWAN_*} environment variable that matches no declared setting is reported at startup
 * ({@code core.W005}) with the nearest key, and the settings reference page is generated from these
 * declarations. Declaring a setting does not change how it is read; {@link Config} still returns
 * whatever the files, the environment and the code say.
 *
 * <pre>{@code
 * public final class MailModule implements Module {
 *     static final Setting HOST = Setting.of("mail.host", Setting.Type.TEXT, "localhost", "The SMTP server mail is sent through.");
 *     static final Setting TIMEOUT = Setting.of("mail.timeout", Setting.Type.DURATION, "10s", "How long to wait for the SMTP server.")
 *             .inProfile(Config.TEST, "1s");
 *
 *     public void install(App app) {
 *         app.declare(HOST, TIMEOUT);
 *         String host = app.config().get("mail.host", "localhost");
 *     }
 * }
 * }</pre>
 *
 * <p>Keys are written in lower case with dots between parts and dashes inside a part
 * ({@code server.max-body-size}); a part in angle brackets stands for a name the user chooses
 * ({@code database.<alias>.url}).
 */
public final class Setting {
    /** The shape of a setting's value, as {@link Config}'s typed getters read it. */
    public enum Type {
        TEXT("text"),
        BOOLEAN("true or false"),
        INTEGER("whole number"),
        DURATION("duration (30s, 5m, 2h, 7d)"),
        SIZE("size (512KB, 10MB)"),
        LIST("comma-separated list"),
        CHOICE("one of the choices"),
        URL("URL"),
        PATH("file or folder");

        private final String description;

        Type(String description) {
            this.description = description;
        }

        /** How the settings page names the type, e.g. {@code duration (30s, 5m, 2h, 7d)}. */
        public String description() {
            return description;
        }
    }

    private static final Pattern KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*|<[a-z]+>");

    private final String key;
    private final Type type;
    private final String defaultValue;
    private final Map<String, String> profileDefaults;
    private final List<String> choices;
    private final List<String> environmentAliases;
    private final String description;

    private Setting(String key, Type type, String defaultValue, Map<String, String> profileDefaults, List<String> choices,
                    List<String> environmentAliases, String description) {
        this.key = key;
        this.type = type;
        this.defaultValue = defaultValue;
        this.profileDefaults = Map.copyOf(profileDefaults);
        this.choices = List.copyOf(choices);
        this.environmentAliases = List.copyOf(environmentAliases);
        this.description = description;
    }

    /**
     * A setting with its default as a user would write it ({@code "10MB"}, {@code "14d"}), or a short
     * phrase when it is computed ({@code "the number of CPUs"}); {@code ""} when unset means "none".
     */
    public static Setting of(String key, Type type, String defaultValue, String description) {
        requireKey(key);
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        if (Objects.requireNonNull(description, "description").isBlank()) {
            throw new IllegalArgumentException("The setting '" + key + "' needs a description: one sentence saying what it does.");
        }
        return new Setting(key, type, defaultValue, Map.of(), List.of(), List.of(), description.strip());
    }

    /** A setting whose value is one of {@code choices}; the first is the default. */
    public static Setting choice(String key, String description, String... choices) {
        if (choices.length == 0) {
            throw new IllegalArgumentException("The setting '" + key + "' needs at least one choice.");
        }
        Setting s = of(key, Type.CHOICE, choices[0], description);
        return new Setting(s.key, s.type, s.defaultValue, Map.of(), List.of(choices), List.of(), s.description);
    }

    /** A copy whose default in {@code profile} (dev, test, prod) differs from {@link #defaultValue()}. */
    public Setting inProfile(String profile, String value) {
        var copy = new LinkedHashMap<>(profileDefaults);
        copy.put(Objects.requireNonNull(profile, "profile"), Objects.requireNonNull(value, "value"));
        return new Setting(key, type, defaultValue, copy, choices, environmentAliases, description);
    }

    /** A copy that documents another environment variable read for this setting, such as {@code PORT}. */
    public Setting alsoFromEnvironment(String variable) {
        var copy = new java.util.ArrayList<>(environmentAliases);
        copy.add(Objects.requireNonNull(variable, "variable"));
        return new Setting(key, type, defaultValue, profileDefaults, choices, copy, description);
    }

    public String key() {
        return key;
    }

    public Type type() {
        return type;
    }

    /** The default outside the profiles listed in {@link #profileDefaults()}; empty text means none. */
    public String defaultValue() {
        return defaultValue;
    }

    /** Defaults that differ by profile, e.g. {@code prod -> 0.0.0.0}. */
    public Map<String, String> profileDefaults() {
        return profileDefaults;
    }

    /** The default in {@code profile}: its own when it has one, else {@link #defaultValue()}. */
    public String defaultIn(String profile) {
        return profileDefaults.getOrDefault(profile, defaultValue);
    }

    /** For {@link Type#CHOICE}: the words allowed. */
    public List<String> choices() {
        return choices;
    }

    public String description() {
        return description;
    }

    /** The environment variable that sets it: {@code server.max-body-size} is {@code ROWAN_SERVER_MAX_BODY_SIZE}. */
    public String environmentName() {
        return Config.envName(key);
    }

    /** Further variables read for it ({@code PORT} for {@code server.port}). */
    public List<String> environmentAliases() {
        return environmentAliases;
    }

    /** True when {@code spelling} names this setting: dots, dashes and underscores alike, case ignored. */
    public boolean matches(String spelling) {
        return pattern().matcher(RelaxedKeys.relaxed(spelling)).matches();
    }

    private Pattern pattern() {
        StringBuilder regex = new StringBuilder();
        for (String part : key.split("\\.")) {
            if (!regex.isEmpty()) {
                regex.append("\\.");
            }
            regex.append(part.startsWith("<") ? "[a-z0-9]+(?:\\.[a-z0-9]+)*" : Pattern.quote(RelaxedKeys.relaxed(part)));
        }
        return Pattern.compile(regex.toString());
    }

    private static void requireKey(String key) {
        Objects.requireNonNull(key, "key");
        for (String part : key.split("\\.", -1)) {
            if (!KEY.matcher(part).matches()) {
                throw new IllegalArgumentException("'" + key + "' is not a usable setting key: write it in lower case, with dots between "
                        + "parts and dashes inside a part, e.g. server.max-body-size.");
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Setting s && s.key.equals(key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return key.toLowerCase(Locale.ROOT) + " (" + type.description() + ")";
    }
}
