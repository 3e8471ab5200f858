package dev.rowan.buildcheck;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.rowan.buildcheck.SyntheticRepo.rowan;
import static org.assertj.core.api.Assertions.assertThat;

class PackageLayoutRuleTest {
    @TempDir
    Path dir;

    private SyntheticRepo repo() {
        return new SyntheticRepo(dir).parent("core", "db", "build-check", "examples")
                .module("core", "rowan-core", "")
                .module("db", "rowan-db", rowan("core", ""))
                .module("build-check", "rowan-build-check", "")
                .write("examples/pom.xml", "<project><artifactId>rowan-examples</artifactId><modules><module>demo</module></modules></project>")
                .module("examples/demo", "rowan-example-demo", "");
    }

    private SyntheticRepo source(SyntheticRepo r, String module, String set, String pkg) {
        return r.write(module + "/src/" + set + "/java/" + pkg.replace('.', '/') + "/X.java", "package " + pkg + ";\nclass X {}\n");
    }

    @Test
    void apiSpiAndInternalPackagesPass() {
        var r = repo();
        for (String pkg : new String[] {"dev.rowan.db", "dev.rowan.db.spi", "dev.rowan.db.testing", "dev.rowan.db.internal", "dev.rowan.db.internal.dialect"}) {
            r = source(r, "db", "main", pkg);
        }
        r = source(r, "db", "test", "dev.rowan.db.fixtures");
        r = source(r, "build-check", "main", "dev.rowan.buildcheck");
        assertThat(r.check().packageLayout()).isEmpty();
    }

    @Test
    void aSecondApiPackageInMainFails() {
        var v = source(repo(), "db", "main", "dev.rowan.db.extras").check().packageLayout();
        assertThat(v).singleElement().satisfies(x -> {
            assertThat(x.file()).isEqualTo("db/src/main/java/dev/rowan/db/extras/X.java");
            assertThat(x.edge()).isEqualTo("package 'dev.rowan.db.extras' in main code");
            assertThat(x.rule()).isEqualTo("package-layout");
            assertThat(x.hint()).contains("dev.rowan.db.spi").contains("dev.rowan.db.internal");
        });
    }

    @Test
    void anotherModulesPackageFailsInMainAndTest() {
        var v = source(source(repo(), "db", "main", "dev.rowan.core.internal"), "db", "test", "dev.rowan.core").check().packageLayout();
        assertThat(v).extracting(Violation::edge).containsExactlyInAnyOrder(
                "package 'dev.rowan.core.internal' in main code", "package 'dev.rowan.core' in test code");
    }

    @Test
    void aPackageThatDoesNotMatchItsFolderFails() {
        var v = repo().write("core/src/main/java/dev/rowan/core/Y.java", "package dev.rowan.core.internal;\nclass Y {}\n").check().packageLayout();
        assertThat(v).singleElement().satisfies(x -> assertThat(x.edge()).contains("declares package 'dev.rowan.core.internal' but lives in folder 'dev.rowan.core'"));
    }

    @Test
    void examplesAreExempt() {
        assertThat(source(repo(), "examples/demo", "main", "com.example.demo").check().packageLayout()).isEmpty();
    }

    @Test
    void onlyModulesTheParentListsAreChecked() {
        var r = repo().module("scratch", "rowan-scratch", "");
        assertThat(source(r, "scratch", "main", "org.scratch").check().packageLayout()).isEmpty();
    }

    @Test
    void moduleFolderNamesBecomePackageNames() {
        assertThat(PackageLayoutRule.packageName("build-check")).isEqualTo("buildcheck");
        assertThat(PackageLayoutRule.packageName("core")).isEqualTo("core");
    }
}
