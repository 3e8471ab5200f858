package dev.rowan.buildcheck;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.rowan.buildcheck.SyntheticRepo.dep;
import static dev.rowan.buildcheck.SyntheticRepo.rowan;
import static org.assertj.core.api.Assertions.assertThat;

class ThirdPartyRuleTest {
    private static final String CORE = "core/src/main/java/dev/rowan/core/";

    @TempDir
    Path dir;

    private SyntheticRepo repo() {
        return new SyntheticRepo(dir).parent("core", "json", "templates", "examples")
                .module("core", "rowan-core", dep("io.netty", "netty-codec-http", ""))
                .module("json", "rowan-json", rowan("core", "") + dep("tools.jackson.core", "jackson-databind", ""))
                .module("templates", "rowan-templates", rowan("core", ""))
                .module("examples/demo", "rowan-example-demo", dep("io.netty", "netty-codec-http", ""));
    }

    @Test
    void nettyInsideTheEngineAdapterPasses() {
        var r = repo().write(CORE + "internal/server/Engine.java", "package dev.rowan.core.internal.server;\nimport io.netty.channel.Channel;\nclass Engine {}\n")
                .write("core/src/test/java/dev/rowan/core/internal/server/EngineTest.java",
                        "package dev.rowan.core.internal.server;\nimport io.netty.channel.embedded.EmbeddedChannel;\nclass EngineTest {}\n");
        assertThat(r.check().thirdParty()).isEmpty();
    }

    @Test
    void nettyElsewhereInCoreFailsWithFileLineAndRule() {
        var v = repo().write(CORE + "internal/Dispatcher.java", "package dev.rowan.core.internal;\n\nimport io.netty.buffer.ByteBuf;\nclass Dispatcher {}\n")
                .check().thirdParty();
        assertThat(v).singleElement().satisfies(x -> {
            assertThat(x.file()).isEqualTo(CORE + "internal/Dispatcher.java:3");
            assertThat(x.edge()).isEqualTo("uses io.netty.buffer.ByteBuf (netty)");
            assertThat(x.rule()).isEqualTo("third-party");
            assertThat(x.hint()).contains("core/src/main/java/dev/rowan/core/internal/server/");
        });
    }

    @Test
    void staticAndWildcardImportsAndFullyQualifiedNamesCount() {
        String src = """
                package dev.rowan.templates;
                import static tools.jackson.databind.SerializationFeature.INDENT_OUTPUT;
                import tools.jackson.core.*;
                class Render { Object m = new tools.jackson.databind.ObjectMapper(); }
                """;
        var v = repo().write("templates/src/main/java/dev/rowan/templates/Render.java", src).check().thirdParty();
        assertThat(v).extracting(Violation::file).containsExactly(
                "templates/src/main/java/dev/rowan/templates/Render.java:2",
                "templates/src/main/java/dev/rowan/templates/Render.java:3",
                "templates/src/main/java/dev/rowan/templates/Render.java:4");
    }

    @Test
    void mentionsInCommentsAndStringsDoNotCount() {
        String src = "package dev.rowan.core;\n/** Unlike io.netty.Foo, see {@link x}. */\nclass Doc {\n"
                + "  // tools.jackson.X\n  String s = \"io.netty.buffer \\\" io.netty.x\";\n  char c = '\"';\n"
                + "  String t = \"\"\"\n      io.netty.y\n      \"\"\";\n  /* com.zaxxer.hikari */\n}\n";
        assertThat(repo().write(CORE + "Doc.java", src).check().thirdParty()).isEmpty();
    }

    @Test
    void aNamePrefixIsNotAPackage() {
        var r = repo().write(CORE + "A.java", "package dev.rowan.core;\nimport dev.rowan.core.io.netty.Thing;\nimport org.bsonx.Y;\nclass A {}\n");
        assertThat(r.check().thirdParty()).isEmpty();
    }

    @Test
    void theOwnerModuleMayUseItsLibrary() {
        var r = repo().write("json/src/main/java/dev/rowan/json/internal/Codec.java",
                "package dev.rowan.json.internal;\nimport tools.jackson.databind.ObjectMapper;\nclass Codec {}\n");
        assertThat(r.check().thirdParty()).isEmpty();
    }

    @Test
    void otherAdaptedLibrariesAreConfinedToo() {
        var v = repo()
                .write(CORE + "B.java", "package dev.rowan.core;\nimport io.pebbletemplates.pebble.PebbleEngine;\nimport com.zaxxer.hikari.HikariConfig;\n"
                        + "import org.postgresql.Driver;\nimport com.mongodb.client.MongoClient;\nimport org.bson.Document;\nclass B {}\n")
                .check().thirdParty();
        assertThat(v).extracting(Violation::edge).containsExactlyInAnyOrder(
                "uses io.pebbletemplates.pebble.PebbleEngine (pebble)", "uses com.zaxxer.hikari.HikariConfig (hikari)",
                "uses org.postgresql.Driver (postgresql)", "uses com.mongodb.client.MongoClient (mongodb)", "uses org.bson.Document (mongodb)");
    }

    @Test
    void aPomDependencyOutsideTheOwnerFails() {
        var v = repo().module("templates", "rowan-templates", rowan("core", "") + dep("org.postgresql", "postgresql", "runtime")
                + dep("org.mongodb", "mongodb-driver-sync", "test")).check().thirdParty();
        assertThat(v).singleElement().satisfies(x -> {
            assertThat(x.file()).isEqualTo("templates/pom.xml");
            assertThat(x.edge()).isEqualTo("rowan-templates -> org.postgresql:postgresql [runtime] (postgresql)");
        });
    }

    @Test
    void examplesAndBenchmarksAreExempt() {
        var r = repo().write("examples/demo/src/main/java/dev/rowan/examples/demo/Main.java",
                        "package dev.rowan.examples.demo;\nimport io.netty.channel.Channel;\nclass Main {}\n")
                .module("benchmarks/raw", "rowan-bench-raw", dep("io.netty", "netty-codec-http", ""))
                .write("benchmarks/raw/src/main/java/x/Raw.java", "package x;\nimport io.netty.channel.Channel;\nclass Raw {}\n");
        assertThat(r.check().thirdParty()).isEmpty();
    }
}
