package dev.rowan.core.internal;

import dev.rowan.core.App;
import dev.rowan.core.Check;
import dev.rowan.core.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the secret key comes from when none is set, per profile, and what the checks say about it. */
class SecretKeysTest {
    private static Config profile(String name) {
        return Config.of(Map.of()).withProfile(name);
    }

    @Test
    void devWithoutAKeyKeepsOneInTheProjectSoARestartHasTheSameKey(@TempDir Path project) throws Exception {
        SecretKeys first = SecretKeys.from(profile("dev"), project);
        SecretKeys afterRestart = SecretKeys.from(profile("dev"), project);

        assertThat(first.source()).isEqualTo(SecretKeys.Source.DEV_FILE);
        assertThat(first.current()).hasSizeGreaterThanOrEqualTo(32).isEqualTo(afterRestart.current());
        Path file = project.resolve(".rowan/secret-key");
        assertThat(Files.readString(file).strip()).isEqualTo(first.current());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(project.resolve(".rowan/.gitignore"))).contains("\n*\n");
        try (var files = Files.list(project.resolve(".rowan"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("secret-key", ".gitignore");
        }
    }

    @Test
    void aBlankKeyFileIsReplacedByANewKey(@TempDir Path project) throws Exception {
        Files.createDirectories(project.resolve(".rowan"));
        Files.writeString(project.resolve(".rowan/secret-key"), "\n");

        SecretKeys keys = SecretKeys.from(profile("dev"), project);

        assertThat(keys.current()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(Files.readString(project.resolve(".rowan/secret-key")).strip()).isEqualTo(keys.current());
    }

    @Test
    void aKeyFileThatCannotBeWrittenIsAWarningAndARandomKey(@TempDir Path dir) throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("plain-file"), "x");

        SecretKeys keys = SecretKeys.from(profile("dev"), notAFolder);

        assertThat(keys.source()).isEqualTo(SecretKeys.Source.RANDOM);
        var results = new CoreChecks(keys).run(App.create(profile("dev")));
        assertThat(results).filteredOn(r -> r.id().equals("core.W001")).singleElement().satisfies(r -> {
            assertThat(r.severity()).isEqualTo(Check.Result.Severity.WARNING);
            assertThat(r.message()).contains(notAFolder.resolve(".rowan/secret-key").toString(), "cannot be used");
        });
    }

    @Test
    void testsUseARandomKeyAndWriteNothing(@TempDir Path project) throws Exception {
        SecretKeys keys = SecretKeys.from(profile("test"), project);

        assertThat(keys.source()).isEqualTo(SecretKeys.Source.RANDOM);
        assertThat(new CoreChecks(keys).run(App.create(profile("test")))).extracting(Check.Result::id).doesNotContain("core.W001");
        try (var files = Files.list(project)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aConfiguredKeyIsUsedAndNothingIsWritten(@TempDir Path project) throws Exception {
        Config dev = Config.of(Map.of("secret.key", "k".repeat(40))).withProfile("dev");

        SecretKeys keys = SecretKeys.from(dev, project);

        assertThat(keys.source()).isEqualTo(SecretKeys.Source.CONFIGURED);
        assertThat(keys.current()).isEqualTo("k".repeat(40));
        try (var files = Files.list(project)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aDevAppHasNoKeyWarningAndItsSignedValuesOutliveARestart() {
        App before = App.create(profile("dev"));
        App after = App.create(profile("dev"));

        assertThat(before.runChecks()).extracting(Check.Result::id).doesNotContain("core.W001");
        assertThat(after.signer("session").unsign(before.signer("session").sign("user 7"))).contains("user 7");
    }
}
