package dev.rowan.db.internal.web;

import dev.rowan.core.Config;
import dev.rowan.db.Database;
import dev.rowan.db.DatabaseUrl;
import dev.rowan.db.Databases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The databases an app's config names, parsed when the module is installed (so a bad URL fails at
 * setup, naming the setting) and opened on first use: by the startup check or at app start.
 */
public final class ConfiguredDatabases {
    /** Used when neither {@code database.url} nor {@code DATABASE_URL} is set. */
    public static final String DEFAULT_URL = "sqlite:db.sqlite3";
    private static final Pattern ALIAS_URL = Pattern.compile("database\\.([A-Za-z0-9_-]+)\\.url");

    private final List<Spec> specs;
    private Databases opened;
    private boolean installed;

    /** One configured database before it is opened. */
    record Spec(String alias, String setting, DatabaseUrl url, int maxPoolSize, Duration connectionTimeout) {
    }

    private ConfiguredDatabases(List<Spec> specs) {
        this.specs = List.copyOf(specs);
    }

    /** Reads {@code database.url} and every {@code database.<alias>.url}. */
    public static ConfiguredDatabases from(Config config) {
        Map<String, String> settingByAlias = new LinkedHashMap<>();
        settingByAlias.put("default", config.get("database.url").isPresent() || config.get("database.default.url").isEmpty()
                ? "database.url" : "database.default.url");
        for (String key : config.asMap().keySet()) {
            Matcher m = ALIAS_URL.matcher(key);
            if (m.matches() && !m.group(1).equals("default") && config.get(key).isPresent()) {
                settingByAlias.put(m.group(1), key);
            }
        }
        List<Spec> specs = new ArrayList<>();
        settingByAlias.forEach((alias, setting) -> specs.add(spec(config, alias, setting)));
        return new ConfiguredDatabases(specs);
    }

    private static Spec spec(Config config, String alias, String setting) {
        String raw = config.get(setting, DEFAULT_URL);
        DatabaseUrl url;
        try {
            url = DatabaseUrl.parse(raw);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(mask(e.getMessage(), raw) + " (from the setting '" + setting + "', environment variable "
                    + (setting.equals("database.url") ? "DATABASE_URL or " : "") + Config.envName(setting) + ")", e);
        }
        String prefix = alias.equals("default") ? "database." : "database." + alias + ".";
        int pool = config.getInt(prefix + "max-pool-size", config.getInt("database.max-pool-size", 10));
        Duration timeout = config.getDuration(prefix + "connection-timeout",
                config.getDuration("database.connection-timeout", Duration.ofSeconds(10)));
        return new Spec(alias, setting, url, pool, timeout);
    }

    /** The databases, opening their pools on first call (connections are still made lazily). */
    public synchronized Databases databases() {
        if (opened == null) {
            opened = Databases.of(specs.stream().map(s -> Database.builder(s.url()).alias(s.alias())
                    .maxPoolSize(s.maxPoolSize()).connectionTimeout(s.connectionTimeout()).build()).toArray(Database[]::new));
        }
        return opened;
    }

    /** The URL configured for an alias, without opening anything. */
    public Optional<DatabaseUrl> urlOf(String alias) {
        return specs.stream().filter(s -> s.alias().equals(alias)).map(Spec::url).findFirst();
    }

    /** The configured aliases, {@code default} first. */
    public List<String> aliases() {
        return specs.stream().map(Spec::alias).toList();
    }

    /** The setting a database came from, for messages. */
    public Optional<String> settingOf(String alias) {
        return specs.stream().filter(s -> s.alias().equals(alias)).map(Spec::setting).findFirst();
    }

    /** Makes these the databases the managers use. */
    public synchronized void install() {
        Databases.install(databases());
        installed = true;
    }

    /** Closes the pools and uninstalls them if they are still the installed set. */
    public synchronized void close() {
        if (opened == null) {
            return;
        }
        if (installed && Databases.installed().orElse(null) == opened) {
            Databases.uninstall();
        }
        opened.close();
        opened = null;
        installed = false;
    }

    /** {@code text} with {@code url}'s password (if any) replaced by {@code ***}. */
    static String mask(String text, String url) {
        int at = url.indexOf('@');
        int scheme = url.indexOf("://");
        if (at < 0 || scheme < 0) {
            return text;
        }
        String userInfo = url.substring(scheme + 3, at);
        int colon = userInfo.indexOf(':');
        if (colon < 0 || colon == userInfo.length() - 1) {
            return text;
        }
        return text.replace(userInfo.substring(colon + 1), "***");
    }
}
