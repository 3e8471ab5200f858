package dev.rowan.core.testapps.greeting;

import dev.rowan.core.App;
import dev.rowan.core.Module;

/** A module in a package of its own, so the shell must import it for a snippet to name it. */
public final class Greeter implements Module {
    @Override
    public void install(App app) {
        app.register(Greeter.class, this);
    }

    public String greet(String name) {
        return "Hello from the module, " + name;
    }
}
