package dev.rowan.starter.internal;

import java.util.List;

/** The files of a project size: each a template in this package's resources and where it goes. */
public enum Layout {
    SMALL("small", List.of(
            new Entry("pom.xml.template", "pom.xml", false),   // templates keep a suffix: they are no module or source of this build
            new Entry("README.md", "README.md", false),
            new Entry("gitignore", ".gitignore", false),
            new Entry("manage", "manage", true),
            new Entry("App.java.template", "src/main/java/@@package_path@@/@@class@@.java", false),
            new Entry("index.html", "src/main/resources/templates/index.html", false),
            new Entry("application.properties", "src/main/resources/application.properties", false),
            new Entry("AppTest.java.template", "src/test/java/@@package_path@@/@@class@@Test.java", false)));

    /** One template: its resource name, its path in the project (with placeholders) and whether it runs. */
    public record Entry(String template, String target, boolean executable) {
    }

    private final String folder;
    private final List<Entry> entries;

    Layout(String folder, List<Entry> entries) {
        this.folder = folder;
        this.entries = entries;
    }

    public String folder() {
        return folder;
    }

    public List<Entry> entries() {
        return entries;
    }
}
