package dev.rowan.buildcheck;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.rowan.buildcheck.SyntheticRepo.dep;
import static dev.rowan.buildcheck.SyntheticRepo.rowan;
import static org.assertj.core.api.Assertions.assertThat;

class LayeringRuleTest {
    @TempDir
    Path dir;

    private SyntheticRepo repo() {
        return new SyntheticRepo(dir).parent("core", "json", "templates", "test", "db", "auth", "build-check")
                .module("core", "rowan-core", "")
                .module("templates", "rowan-templates", rowan("core", ""))
                .module("test", "rowan-test", rowan("core", ""))
                .module("db", "rowan-db", rowan("core", ""))
                .module("auth", "rowan-auth", rowan("db", ""))
                .module("build-check", "rowan-build-check", "");
    }

    @Test
    void downwardEdgesPass() {
        assertThat(repo().module("json", "rowan-json", rowan("core", "")).check().layering()).isEmpty();
    }

    @Test
    void anEdgeToAHigherLayerFailsNamingFileEdgeAndRule() {
        var v = repo().module("json", "rowan-json", rowan("core", "") + rowan("auth", "")).check().layering();
        assertThat(v).singleElement().satisfies(x -> {
            assertThat(x.file()).isEqualTo("json/pom.xml");
            assertThat(x.edge()).contains("rowan-json (json, L1) -> rowan-auth (auth, L3)").contains("[compile]");
            assertThat(x.rule()).isEqualTo("layering");
            assertThat(x.toString()).contains("json/pom.xml").contains("rowan-auth").contains("layering").contains("layers.properties");
        });
    }

    @Test
    void anEdgeWithinTheSameLayerFails() {
        var v = repo().module("json", "rowan-json", rowan("templates", "runtime")).check().layering();
        assertThat(v).singleElement().satisfies(x -> assertThat(x.edge()).contains("-> rowan-templates (templates, L1)").contains("[runtime]"));
    }

    @Test
    void coreMayDependOnNoRowanModule() {
        var v = repo().module("core", "rowan-core", dep("${project.groupId}", "rowan-json", "provided"))
                .module("json", "rowan-json", "").check().layering();
        assertThat(v).singleElement().satisfies(x -> assertThat(x.edge()).contains("rowan-core (core, L0) -> rowan-json (json, L1) [provided]"));
    }

    @Test
    void optionalDependenciesCountBecauseTheyShipInThePom() {
        String optional = "<dependency><groupId>dev.rowan</groupId><artifactId>rowan-auth</artifactId><optional>true</optional></dependency>";
        var v = repo().module("json", "rowan-json", optional).check().layering();
        assertThat(v).singleElement().satisfies(x -> assertThat(x.edge()).contains("optional"));
    }

    @Test
    void profileDependenciesCount() {
        String profile = "</dependencies><profiles><profile><id>x</id><dependencies>" + rowan("auth", "") + "</dependencies></profile></profiles><dependencies>";
        var v = repo().module("json", "rowan-json", profile).check().layering();
        assertThat(v).singleElement().satisfies(x -> assertThat(x.edge()).contains("-> rowan-auth"));
    }

    @Test
    void testScopeEdgesAreAllowed() {
        assertThat(repo().module("json", "rowan-json", rowan("core", "") + rowan("test", "test")).check().layering()).isEmpty();
    }

    @Test
    void examplesAndBenchmarksAreLayerFive() {
        var r = repo().module("json", "rowan-json", "")
                .module("examples/polls", "rowan-example-polls", rowan("auth", "") + rowan("json", ""))
                .module("benchmarks/rowan", "rowan-bench-rowan", rowan("json", ""));
        assertThat(r.check().layering()).isEmpty();
        var v = r.module("auth", "rowan-auth", rowan("example-polls", "")).check().layering();
        assertThat(v).singleElement().satisfies(x -> assertThat(x.edge()).contains("-> rowan-example-polls (examples/polls, L5)"));
    }

    @Test
    void aModuleWithoutALayerFails() {
        var v = repo().module("json", "rowan-json", "").module("cache", "rowan-cache", rowan("core", "")).check().layering();
        assertThat(v).singleElement().satisfies(x -> {
            assertThat(x.file()).isEqualTo("cache/pom.xml");
            assertThat(x.hint()).contains("cache=<layer>");
        });
    }

    @Test
    void anUnknownRowanArtifactFails() {
        var v = repo().module("json", "rowan-json", rowan("nosuch", "")).check().layering();
        assertThat(v).singleElement().satisfies(x -> assertThat(x.edge()).contains("dev.rowan:rowan-nosuch"));
    }

    @Test
    void buildToolingTakesNoPartInTheLayers() {
        var v = repo().module("json", "rowan-json", "").module("build-check", "rowan-build-check", rowan("core", "")).check().layering();
        assertThat(v).singleElement().satisfies(x -> assertThat(x.edge()).contains("(build-check, tooling) -> rowan-core"));
    }
}
