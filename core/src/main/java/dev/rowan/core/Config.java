package dev.rowan.core;

import dev.rowan.core.internal.RelaxedKeys;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Typed settings. Later sources win: built-in defaults, {@code application.properties} on the class
 * path, {@code application-<profile>.properties}, the same two files in the working directory,
 * environment variables ({@code ROWAN_SERVER_MAX_BODY_SIZE} sets {@code server.max-body-size};
 * {@code PORT}, {@code DATABASE_URL} and {@code SECRET_KEY} are read too), system properties, then
 * values set in code. The profile comes from {@code ROWAN_PROFILE} (or {@code -Drowan.profile}) and is
 * {@code dev} when unset.
 *
 * <p>Keys match the relaxed way: dots, dashes and underscores are the same and case is ignored, so
 * {@code server.max-body-size}, {@code server.max_body_size} and {@code SERVER_MAX_BODY_SIZE} name one
 * setting, in every source and in every getter. The settings Rowan and its modules read are declared
 * ({@link Setting}) and listed in {@code docs/reference/settings.md}.
 *
 * <pre>{@code
 * Config config = Config.load().with("server.port", "9000");
 * int port = config.getInt("server.port", 8000);
 * }</pre>
 */
public final class Config {
    /** The profile names Rowan knows; any other name is allowed and behaves like prod. */
    public static final String DEV = "dev", TEST = "test", PROD = "prod";

    /** Variables with the {@code ROWAN_} prefix that are not settings: they are read before any config exists. */
    private static final Set<String> NOT_SETTINGS = Set.of("ROWAN_PROFILE", Dev.CHILD_MARKER);

    private final Values values;
    private final String profile;
    private final Set<String> environmentVariables;

    private Config(Values values, String profile, Set<String> environmentVariables) {
        this.values = values;
        this.profile = profile;
        this.environmentVariables = Set.copyOf(environmentVariables);
    }

    /** Loads settings from files, environment and system properties. */
    public static Config load() {
        return load(System.getenv(), System.getProperties());
    }

    static Config load(Map<String, String> env, Properties sys) {
        String profile = firstNonBlank(sys.getProperty("rowan.profile"), env.get("ROWAN_PROFILE"));
        var merged = new Values();
        readClasspath("application.properties", merged);
        readFile(Path.of("application.properties"), merged);
        if (profile == null) {
            profile = merged.get("profile").orElse(DEV);
        }
        readClasspath("application-" + profile + ".properties", merged);
        readFile(Path.of("application-" + profile + ".properties"), merged);
        Set<String> fromEnvironment = readEnvironment(env, merged);
        sys.stringPropertyNames().stream()
                .filter(k -> !k.startsWith("java.") && !k.startsWith("sun.") && !k.startsWith("os.") && !k.startsWith("user."))
                .forEach(k -> merged.put(k.startsWith("rowan.") ? k.substring(6) : k, sys.getProperty(k)));
        merged.remove("profile");
        return new Config(merged, profile, fromEnvironment);
    }

    /** Settings from a map only (tests, embedded use); the profile defaults to {@code test}. */
    public static Config of(Map<String, String> values) {
        var copy = new Values();
        values.forEach(copy::put);
        String profile = copy.get("profile").orElse(null);
        copy.remove("profile");
        return new Config(copy, profile == null ? TEST : profile, Set.of());
    }

    /** A copy with one setting replaced (whichever spelling of its key was set before). */
    public Config with(String key, String value) {
        var copy = values.copy();
        copy.put(key, value);
        return new Config(copy, profile, environmentVariables);
    }

    /**
     * A copy where {@code key} has {@code value} unless it is already set: an app's own default that
     * files, the environment and code can still override.
     *
     * <pre>{@code
     * Config c = Config.load().withDefault("server.max-body-size", "200MB");
     * }</pre>
     */
    public Config withDefault(String key, String value) {
        return get(key).isPresent() ? this : with(key, value);
    }

    /** A copy running under another profile. */
    public Config withProfile(String newProfile) {
        return new Config(values, newProfile, environmentVariables);
    }

    public String profile() {
        return profile;
    }

    public boolean isDev() {
        return DEV.equals(profile);
    }

    public boolean isTest() {
        return TEST.equals(profile);
    }

    /** True for every profile except dev and test: production rules apply. */
    public boolean isProduction() {
        return !isDev() && !isTest();
    }

    /** Debug mode shows the developer error page; on by default in dev only. */
    public boolean debug() {
        return getBoolean("debug", isDev());
    }

    /** The value of {@code key} in any spelling ({@code server.max-body-size}, {@code SERVER_MAX_BODY_SIZE}); empty when unset or blank. */
    public Optional<String> get(String key) {
        return values.get(key).filter(v -> !v.isBlank()).map(String::strip);
    }

    public String get(String key, String fallback) {
        return get(key).orElse(fallback);
    }

    /** A required setting; missing, it fails with a message that says how to set it. */
    public String require(String key) {
        return get(key).orElseThrow(() -> new ConfigException("core.E010", "The setting '" + key + "' is required. Set it in application.properties or as the environment variable "
                + envName(key) + "."));
    }

    public int getInt(String key, int fallback) {
        return get(key).map(v -> parse(key, v, "a whole number", Integer::parseInt)).orElse(fallback);
    }

    public long getLong(String key, long fallback) {
        return get(key).map(v -> parse(key, v, "a whole number", Long::parseLong)).orElse(fallback);
    }

    public boolean getBoolean(String key, boolean fallback) {
        return get(key).map(v -> parse(key, v, "true or false", Config::parseBoolean)).orElse(fallback);
    }

    /** A duration such as {@code 30s}, {@code 5m}, {@code 2h}, {@code 7d}, {@code 250ms} or ISO-8601 {@code PT30S}. */
    public Duration getDuration(String key, Duration fallback) {
        return get(key).map(v -> parse(key, v, "a duration like 30s, 5m or 2h", Config::parseDuration)).orElse(fallback);
    }

    /** A size such as {@code 10MB}, {@code 512KB} or a plain number of bytes. */
    public long getBytes(String key, long fallback) {
        return get(key).map(v -> parse(key, v, "a size like 10MB or 512KB", Config::parseBytes)).orElse(fallback);
    }

    /**
     * One of a fixed set of words, compared as written; {@code fallback} when unset. Anything else
     * is a {@code core.E012} error that lists the choices:
     * <pre>{@code
     * String transport = config.getChoice("server.transport", "nio", "nio", "epoll");
     * }</pre>
     */
    public String getChoice(String key, String fallback, String... choices) {
        List<String> allowed = List.of(choices);
        return get(key).map(v -> parse(key, v, String.join(" or ", allowed), s -> {
            if (!allowed.contains(s)) {
                throw new IllegalArgumentException(s);
            }
            return s;
        })).orElse(fallback);
    }

    /** A comma-separated list; empty when unset. */
    public List<String> getList(String key) {
        return get(key).map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()).orElse(List.of());
    }

    /**
     * All settings, each under one spelling of its key: the one a file or code used, else the one
     * derived from its environment variable ({@code ROWAN_MAIL_HOST} is {@code mail.host}). Secrets
     * are included: do not log this.
     */
    public Map<String, String> asMap() {
        return values.asMap();
    }

    /**
     * The names of the {@code ROWAN_*} environment variables this config was loaded from (none for
     * {@link #of}), so a startup check can report those that match no declared {@link Setting}.
     */
    public Set<String> environmentVariables() {
        return environmentVariables;
    }

    /** The environment variable that sets {@code key}. */
    public static String envName(String key) {
        return "ROWAN_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static Set<String> readEnvironment(Map<String, String> env, Values into) {
        var names = new TreeSet<String>();
        env.forEach((name, value) -> {
            if (name.startsWith("ROWAN_") && !NOT_SETTINGS.contains(name)) {
                names.add(name);
                into.putFromEnvironment(name.substring(6).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        copyIfSet(env, "PORT", "server.port", into);
        copyIfSet(env, "DATABASE_URL", "database.url", into);
        copyIfSet(env, "SECRET_KEY", "secret.key", into);
        return names;
    }

    // The conventional names (Heroku's PORT and DATABASE_URL, Django's SECRET_KEY) yield to a ROWAN_ variable.
    private static void copyIfSet(Map<String, String> env, String name, String key, Values into) {
        String v = env.get(name);
        if (v != null && !v.isBlank() && into.get(key).isEmpty()) {
            into.putFromEnvironment(key, v);
        }
    }

    private static void readClasspath(String name, Values into) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = loader == null ? null : loader.getResourceAsStream(name)) {
            if (in != null) {
                merge(new java.io.InputStreamReader(in, StandardCharsets.UTF_8), into);
            }
        } catch (IOException e) {
            throw new ConfigException("core.E011", "Could not read " + name + " from the class path: " + e.getMessage());
        }
    }

    private static void readFile(Path file, Values into) {
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file)) {
                merge(r, into);
            } catch (IOException e) {
                throw new ConfigException("core.E011", "Could not read " + file.toAbsolutePath() + ": " + e.getMessage());
            }
        }
    }

    private static void merge(Reader reader, Values into) throws IOException {
        var p = new Properties();
        p.load(reader);
        p.stringPropertyNames().forEach(k -> into.put(k, p.getProperty(k)));
    }

    private static <T> T parse(String key, String value, String expected, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            throw new ConfigException("core.E012", "The setting '" + key + "' must be " + expected + ", but is '" + value + "'.");
        }
    }

    private static boolean parseBoolean(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException(v);
        };
    }

    static Duration parseDuration(String v) {
        String s = v.strip().toLowerCase(Locale.ROOT);
        if (s.startsWith("p")) {
            return Duration.parse(s.toUpperCase(Locale.ROOT));
        }
        if (s.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2).strip()));
        }
        long n = Long.parseLong(s.substring(0, s.length() - 1).strip());
        return switch (s.charAt(s.length() - 1)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            case 'd' -> Duration.ofDays(n);
            default -> throw new IllegalArgumentException(v);
        };
    }

    static long parseBytes(String v) {
        String s = v.strip().toUpperCase(Locale.ROOT).replace(" ", "");
        long unit = 1;
        if (s.endsWith("KB")) {
            unit = 1024;
        } else if (s.endsWith("MB")) {
            unit = 1024 * 1024;
        } else if (s.endsWith("GB")) {
            unit = 1024L * 1024 * 1024;
        }
        if (unit > 1) {
            s = s.substring(0, s.length() - 2);
        } else if (s.endsWith("B")) {
            s = s.substring(0, s.length() - 1);
        }
        return Math.multiplyExact(Long.parseLong(s), unit);
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a.strip();
        }
        return b != null && !b.isBlank() ? b.strip() : null;
    }

    /**
     * Values under their relaxed key, each remembering one spelling for {@link #asMap()}. A spelling
     * from a file or code replaces one derived from a variable name, which has lost its dashes.
     */
    private static final class Values {
        private record Entry(String key, String value, boolean fromEnvironment) {
        }

        private final Map<String, Entry> byRelaxedKey;

        Values() {
            this(new HashMap<>());
        }

        private Values(Map<String, Entry> entries) {
            this.byRelaxedKey = entries;
        }

        Values copy() {
            return new Values(new HashMap<>(byRelaxedKey));
        }

        void put(String key, String value) {
            put(key, value, false);
        }

        void putFromEnvironment(String key, String value) {
            put(key, value, true);
        }

        private void put(String key, String value, boolean fromEnvironment) {
            Entry before = byRelaxedKey.get(RelaxedKeys.relaxed(key));
            String spelling = before != null && fromEnvironment ? before.key() : key;
            byRelaxedKey.put(RelaxedKeys.relaxed(key), new Entry(spelling, value, fromEnvironment && (before == null || before.fromEnvironment())));
        }

        Optional<String> get(String key) {
            return Optional.ofNullable(byRelaxedKey.get(RelaxedKeys.relaxed(key))).map(Entry::value);
        }

        void remove(String key) {
            byRelaxedKey.remove(RelaxedKeys.relaxed(key));
        }

        Map<String, String> asMap() {
            var out = new TreeMap<String, String>();
            byRelaxedKey.values().forEach(e -> out.put(e.key(), e.value()));
            return Collections.unmodifiableMap(out);
        }
    }

    /** A setting is missing or malformed; the message says which and how to fix it. */
    public static final class ConfigException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String id;

        public ConfigException(String id, String message) {
            super(id + ": " + message);
            this.id = id;
        }

        public String id() {
            return id;
        }
    }
}
