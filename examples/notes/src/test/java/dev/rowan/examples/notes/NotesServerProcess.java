package dev.rowan.examples.notes;

import dev.rowan.core.App;
import dev.rowan.core.Config;

import java.util.Map;

/** The notes app in a process of its own, on a free port, storing in the embedded file named by the argument. */
public final class NotesServerProcess {
    private NotesServerProcess() {
    }

    public static void main(String[] args) {
        App app = App.create(Config.of(Map.of("mongodb.embedded-file", args[0])));
        app.install(NotesApp.at("/")).start(0);
        System.out.println("PORT " + app.port());
        System.out.flush();
    }
}
