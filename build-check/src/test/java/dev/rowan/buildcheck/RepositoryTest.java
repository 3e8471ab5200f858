package dev.rowan.buildcheck;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The real repository follows the rules; a failure lists every violation with file, edge and rule. */
class RepositoryTest {
    private final BuildCheck check = BuildCheck.of(SyntheticRepo.realRoot());

    @Test
    void modulesDependOnlyOnLowerLayers() {
        assertNone(check.layering());
    }

    @Test
    void thirdPartyLibrariesStayInTheModuleThatAdaptsThem() {
        assertNone(check.thirdParty());
    }

    @Test
    void everyModuleUsesTheDevRowanPackageLayout() {
        assertNone(check.packageLayout());
    }

    @Test
    void theCheckSeesTheWholeTree() {
        // Guards against a scan that silently finds nothing (wrong root) and so passes.
        var repo = Repo.scan(SyntheticRepo.realRoot());
        assertThat(repo.poms()).containsKeys("", "core", "build-check");
        assertThat(repo.javaFiles()).anyMatch(f -> f.startsWith("core/src/main/java/dev/rowan/core/internal/server/"));
        assertThat(repo.listedModules()).contains("core", "build-check");
    }

    private static void assertNone(List<Violation> violations) {
        assertThat(violations).withFailMessage(() -> BuildCheck.report(violations)).isEmpty();
    }
}
