package dev.rowan.core;

import dev.rowan.core.testapps.shell.ShopApp;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code shell}: JShell in the app's JVM, with {@code app} bound and the app's packages imported. */
class ShellCommandTest {

    @Test
    void snippetsSeeTheSameAppItsRoutesSettingsAndServicesWithTheAppsPackagesImported() throws Exception {
        String typed = String.join("\n",
                "System.out.println(\"routes=\" + app.describeRoutes());",
                "System.out.println(\"name=\" + app.config().get(\"shop.name\").orElseThrow() + \" \" + ShopApp.NAME.length());",
                "System.out.println(app.service(Greeter.class).greet(\"Ada\"));",
                "/exit", "");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ShopApp.class.getName(), "shell").redirectErrorStream(true).start();
        try (var in = child.getOutputStream()) {
            in.write(typed.getBytes(StandardCharsets.UTF_8));
        }
        String shown = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the shell ends at /exit").isTrue();
        assertThat(child.exitValue()).as(shown).isZero();
        assertThat(shown).contains("routes=[GET /  [home]]", "name=Corner Shop 11", "Hello from the module, Ada")
                .doesNotContain("Error:").doesNotContain("cannot find symbol");
    }
}
