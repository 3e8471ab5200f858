package dev.rowan.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Typed settings. Later sources win: built-in defaults, {@code application.properties} on the class
 * path, {@code application-<profile>.properties}, the same two files in the working directory,
 * environment variables ({@code ROWAN_SERVER_PORT} sets {@code server.port}; {@code PORT},
 * {@code DATABASE_URL} and {@code SECRET_KEY} are read too), system properties, then values set in
 * code. The profile comes from {@code ROWAN_PROFILE} (or {@code -Drowan.profile}) and is
 * {@code dev} when unset.
 *
 * <pre>{@code
 * Config config = Config.load().with("server.port", "9000");
 * int port = config.getInt("server.port", 8000);
 * }</pre>
 */
public final class Config {
    /** The profile names Rowan knows; any other name is allowed and behaves like prod. */
    public static final String DEV = "dev", TEST = "test", PROD = "prod";

    private final Map<String, String> values;
    private final String profile;

    private Config(Map<String, String> values, String profile) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
        this.profile = profile;
    }

    /** Loads settings from files, environment and system properties. */
    public static Config load() {
        return load(System.getenv(), System.getProperties());
    }

    static Config load(Map<String, String> env, Properties sys) {
        String profile = firstNonBlank(sys.getProperty("rowan.profile"), env.get("ROWAN_PROFILE"));
        var merged = new TreeMap<String, String>();
        readClasspath("application.properties", merged);
        readFile(Path.of("application.properties"), merged);
        if (profile == null) {
            profile = merged.getOrDefault("profile", DEV);
        }
        readClasspath("application-" + profile + ".properties", merged);
        readFile(Path.of("application-" + profile + ".properties"), merged);
        readEnvironment(env, merged);
        sys.stringPropertyNames().stream()
                .filter(k -> !k.startsWith("java.") && !k.startsWith("sun.") && !k.startsWith("os.") && !k.startsWith("user."))
                .forEach(k -> merged.put(k.startsWith("rowan.") ? k.substring(6) : k, sys.getProperty(k)));
        merged.remove("profile");
        return new Config(merged, profile);
    }

    /** Settings from a map only (tests, embedded use); the profile defaults to {@code test}. */
    public static Config of(Map<String, String> values) {
        var copy = new TreeMap<>(values);
        String profile = copy.remove("profile");
        return new Config(copy, profile == null ? TEST : profile);
    }

    /** A copy with one setting replaced. */
    public Config with(String key, String value) {
        var copy = new TreeMap<>(values);
        copy.put(key, value);
        return new Config(copy, profile);
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
        return new Config(values, newProfile);
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

    public Optional<String> get(String key) {
        String v = values.get(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
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

    /** All settings (secrets included: do not log this). */
    public Map<String, String> asMap() {
        return values;
    }

    /** The environment variable that sets {@code key}. */
    public static String envName(String key) {
        return "ROWAN_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static void readEnvironment(Map<String, String> env, Map<String, String> into) {
        env.forEach((name, value) -> {
            if (name.startsWith("ROWAN_") && !name.equals("ROWAN_PROFILE")) {
                into.put(name.substring(6).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        copyIfSet(env, "PORT", "server.port", into);
        copyIfSet(env, "DATABASE_URL", "database.url", into);
        copyIfSet(env, "SECRET_KEY", "secret.key", into);
    }

    private static void copyIfSet(Map<String, String> env, String name, String key, Map<String, String> into) {
        String v = env.get(name);
        if (v != null && !v.isBlank() && !into.containsKey(key)) {
            into.put(key, v);
        }
    }

    private static void readClasspath(String name, Map<String, String> into) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = loader == null ? null : loader.getResourceAsStream(name)) {
            if (in != null) {
                merge(new java.io.InputStreamReader(in, StandardCharsets.UTF_8), into);
            }
        } catch (IOException e) {
            throw new ConfigException("core.E011", "Could not read " + name + " from the class path: " + e.getMessage());
        }
    }

    private static void readFile(Path file, Map<String, String> into) {
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file)) {
                merge(r, into);
            } catch (IOException e) {
                throw new ConfigException("core.E011", "Could not read " + file.toAbsolutePath() + ": " + e.getMessage());
            }
        }
    }

    private static void merge(Reader reader, Map<String, String> into) throws IOException {
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
