package dev.rowan.core.testapps.shell;

import dev.rowan.core.App;
import dev.rowan.core.Config;
import dev.rowan.core.testapps.greeting.Greeter;

import java.util.Map;

/** An app whose main is the command line, for the shell test's child JVM. */
public final class ShopApp {
    public static final String NAME = "Corner Shop";

    public static void main(String[] args) {
        App.create(Config.of(Map.of("secret.key", "k".repeat(40), "shop.name", NAME)).withProfile("test"))
                .get("/", ctx -> ctx.text("home"), "home")
                .install(new Greeter())
                .run(args);
    }
}
