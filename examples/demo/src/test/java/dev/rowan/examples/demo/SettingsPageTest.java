package dev.rowan.examples.demo;

import dev.rowan.core.Setting;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/reference/settings.md is in step with the declarations, and every key the code reads is declared. */
class SettingsPageTest {
    /** Surefire runs in examples/demo. */
    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Path PAGE = ROOT.resolve("docs/reference/settings.md");
    private static final Pattern READ = Pattern.compile(
            "\\.(?:get|getInt|getLong|getBoolean|getDuration|getBytes|getChoice|getList|require|withDefault)\\(\\s*\"([a-z0-9-]+(?:\\.[a-z0-9-]+)+)\"");
    private static final List<String> SOURCES = List.of("core", "json", "templates", "forms", "db", "mongo", "test",
            "examples/converter", "examples/csv2xlsx", "examples/infoboard", "examples/notes", "examples/demo");

    @Test
    void thePageIsInStepWithTheDeclarations() throws IOException {
        String expected = SettingsPage.render();
        if (Boolean.getBoolean("rowan.docs.write")) {
            Files.writeString(PAGE, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(PAGE, StandardCharsets.UTF_8))
                .as("docs/reference/settings.md is out of step with the declared settings; regenerate it with the command at its top")
                .isEqualTo(expected);
    }

    @Test
    void everyKeyTheCodeReadsIsDeclared() throws IOException {
        List<Setting> declared = SettingsPage.all();
        Set<String> undeclared = new TreeSet<>();
        Set<String> read = new TreeSet<>();
        for (String module : SOURCES) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    read.addAll(readKeys(file));
                    readKeys(file).stream().filter(k -> declared.stream().noneMatch(s -> s.matches(k)))
                            .forEach(k -> undeclared.add(k + " (" + ROOT.relativize(file) + ")"));
                }
            }
        }
        assertThat(read).as("the scan finds the keys the core reads").contains("server.port", "server.max-body-size", "csrf.cookie-age");
        assertThat(undeclared).as("settings read but not declared with app.declare(...)").isEmpty();
    }

    /** The literal keys passed to Config's getters, outside comments. */
    private static Set<String> readKeys(Path file) throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String code = line.strip();
            if (code.startsWith("*") || code.startsWith("//") || code.startsWith("/*")) {
                continue;
            }
            Matcher m = READ.matcher(code);
            while (m.find()) {
                keys.add(m.group(1));
            }
        }
        return keys;
    }
}
