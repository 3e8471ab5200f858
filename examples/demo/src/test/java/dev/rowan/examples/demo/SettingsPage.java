package dev.rowan.examples.demo;

import dev.rowan.core.App;
import dev.rowan.core.Config;
import dev.rowan.core.Module;
import dev.rowan.core.Setting;
import dev.rowan.db.DbModule;
import dev.rowan.examples.converter.ConverterApp;
import dev.rowan.examples.csv2xlsx.Csv2XlsxApp;
import dev.rowan.examples.infoboard.InfoboardApp;
import dev.rowan.examples.notes.NotesApp;
import dev.rowan.forms.CsrfProtection;
import dev.rowan.mongo.MongoModule;
import dev.rowan.mail.MailModule;
import dev.rowan.sessions.RedisSessions;
import dev.rowan.sessions.RedisThrottling;
import dev.rowan.templates.TemplatesModule;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * docs/reference/settings.md, rendered from the settings each module declares when it is installed:
 * a section lists what its module adds to those of the sections above it.
 */
final class SettingsPage {
    private record Section(String title, String intro, List<Module> modules) {
    }

    private static final List<Section> SECTIONS = List.of(
            new Section("core", "Read by every app.", List.of()),
            new Section("templates", "Read when `TemplatesModule` is installed.", List.of(TemplatesModule.create())),
            new Section("forms", "Read when `CsrfProtection` is installed.", List.of(CsrfProtection.create())),
            new Section("db", "Read when `DbModule` is installed. `<alias>` is a database name of your choice "
                    + "(`database.analytics.url`, used with `using(\"analytics\")`).", List.of(DbModule.create())),
            new Section("mongo", "Read when `MongoModule` is installed.", List.of(MongoModule.create())),
            new Section("sessions", "Read when `RedisSessions` or `RedisThrottling` is installed.",
                    List.of(RedisSessions.create(), RedisThrottling.create())),
            new Section("mail", "Read when `MailModule` is installed.", List.of(MailModule.create())),
            new Section("Reference apps", "Read by the example apps in `examples/` when they are mounted.", List.of(
                    ConverterApp.at("/converter"), Csv2XlsxApp.at("/csv2xlsx"), InfoboardApp.at("/infoboard"), NotesApp.at("/notes"))));

    private SettingsPage() {
    }

    /** Every setting of every first-party module and reference app. */
    static List<Setting> all() {
        return app(SECTIONS.stream().flatMap(s -> s.modules().stream()).toList()).settings();
    }

    static String render() {
        var out = new StringBuilder(HEADER);
        Set<String> listed = new LinkedHashSet<>();
        List<Module> installed = new ArrayList<>();
        for (Section section : SECTIONS) {
            installed.addAll(section.modules());
            List<Setting> added = app(installed).settings().stream().filter(s -> listed.add(s.key())).toList();
            out.append("\n## ").append(section.title()).append("\n\n").append(section.intro()).append("\n\n");
            out.append("| setting | environment | type | default | per profile | what it does |\n|---|---|---|---|---|---|\n");
            added.forEach(s -> out.append(row(s)));
        }
        return out.toString();
    }

    private static App app(List<Module> modules) {
        // In memory, so the page never depends on a data file or a server.
        App app = App.create(Config.of(Map.of("mongodb.embedded-file", "memory")));
        modules.forEach(app::install);
        return app;
    }

    private static String row(Setting s) {
        String env = "`" + s.environmentName() + "`" + s.environmentAliases().stream().map(a -> ", `" + a + "`").collect(Collectors.joining());
        String type = s.type() == Setting.Type.CHOICE
                ? s.choices().stream().map(c -> "`" + c + "`").collect(Collectors.joining(" or "))
                : s.type().description();
        String perProfile = s.profileDefaults().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + ": " + value(e.getValue())).collect(Collectors.joining("; "));
        return "| `" + s.key() + "` | " + env + " | " + text(type) + " | " + value(s.defaultValue()) + " | " + perProfile + " | "
                + text(s.description()) + " |\n";
    }

    /** A default as written (`10MB`), a phrase when it is computed, or "none". */
    private static String value(String v) {
        if (v.isEmpty()) {
            return "none";
        }
        return v.contains(" ") ? text(v) : "`" + v + "`";
    }

    private static String text(String s) {
        return s.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static final String HEADER = """
            # Settings reference

            Every setting Rowan and its first-party modules read. This page is generated from the settings
            each module declares (`dev.rowan.core.Setting`); a test fails when it is out of step. To
            regenerate it after changing a declaration, run from the repository root:

            ```sh
            ./mvnw -q -pl examples/demo -am test -Dtest=SettingsPageTest -Dsurefire.failIfNoSpecifiedTests=false -Drowan.docs.write=true
            ```

            **Where settings come from**, later sources winning: `application.properties` (class path, then
            the working directory), `application-<profile>.properties` (the same two places), environment
            variables, system properties (`-Dserver.port=9000`, or `-Drowan.server.port=9000`), then values
            set in code (`Config.with`, `Config.withDefault` for an app's own defaults).

            **Keys match the relaxed way:** dots, dashes and underscores are the same and case is ignored, in
            every source. So the environment variable for a key is `ROWAN_` plus the key in upper case with
            `_` for dots and dashes (`server.max-body-size` is `ROWAN_SERVER_MAX_BODY_SIZE`), and
            `server.max_body_size` in a properties file sets the same setting. A few settings also read a
            conventional name (`PORT`, `DATABASE_URL`, `SECRET_KEY`, `MONGODB_URI`); the `ROWAN_` name wins
            when both are set. A `ROWAN_` variable that matches no setting below is reported at startup
            ([`core.W005`](checks.md)) with the nearest key.

            **Per profile:** the default of a few settings differs in the `dev`, `test` or `prod` profile
            (`ROWAN_PROFILE`); a profile with any other name takes the `prod` defaults. A module of your own
            declares its settings with `app.declare(Setting.of(...))` in its `install`, and they count for
            `core.W005` just like these.

            **Types:** a duration is `250ms`, `30s`, `5m`, `2h`, `7d` or ISO-8601 (`PT30S`); a size is a number
            of bytes or `512KB`, `10MB`, `1GB`; a boolean is `true`/`false` (also `yes`/`no`, `on`/`off`,
            `1`/`0`); a list is comma-separated. A value of the wrong shape stops with [`core.E012`](checks.md).
            """;
}
