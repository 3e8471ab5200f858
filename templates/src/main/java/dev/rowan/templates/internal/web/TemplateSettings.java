package dev.rowan.templates.internal.web;

import dev.rowan.core.Config;
import dev.rowan.core.Setting;
import dev.rowan.core.Setting.Type;

import java.util.List;

/** The settings the templates module reads, declared when it is installed. */
public final class TemplateSettings {
    private TemplateSettings() {
    }

    public static final List<Setting> ALL = List.of(
            Setting.of("templates.dir", Type.PATH, "", "A folder searched for templates before the class path's templates/.")
                    .inProfile(Config.DEV, "src/main/resources/templates, when it exists"),
            Setting.of("static.url", Type.TEXT, "/static/", "The URL prefix the static('path') template function puts before a path."));
}
