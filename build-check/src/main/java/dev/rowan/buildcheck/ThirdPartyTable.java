package dev.rowan.buildcheck;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Which third-party library may be used where, from {@code build-check/third-party.properties}.
 *
 * <pre>{@code
 * ThirdPartyTable t = ThirdPartyTable.load(root.resolve("build-check/third-party.properties"));
 * t.libraries();   // netty, jackson, pebble, ...
 * }</pre>
 */
public record ThirdPartyTable(List<String> exempt, List<Library> libraries, String source) {

    /** A library: its Java package prefixes, Maven groupId prefixes, and the path prefixes that own it. */
    public record Library(String name, List<String> packages, List<String> groups, List<String> owners) {

        public boolean ownedBy(String file) {
            return owners.stream().anyMatch(file::startsWith);
        }

        /** A module may declare the library when one of the owner paths lies inside the module folder. */
        public boolean ownedByModule(String folder) {
            return owners.stream().anyMatch(o -> o.startsWith(folder + "/"));
        }

        public boolean hasGroup(String groupId) {
            return groups.stream().anyMatch(g -> groupId.equals(g) || groupId.startsWith(g + "."));
        }
    }

    public static ThirdPartyTable load(Path file) {
        Properties p = Tables.load(file);
        var libs = new ArrayList<Library>();
        p.stringPropertyNames().stream()
                .filter(k -> k.endsWith(".owner"))
                .map(k -> k.substring(0, k.length() - ".owner".length()))
                .sorted()
                .forEach(name -> libs.add(new Library(name,
                        Tables.list(p.getProperty(name + ".packages")),
                        Tables.list(p.getProperty(name + ".groups")),
                        Tables.list(p.getProperty(name + ".owner")))));
        return new ThirdPartyTable(Tables.list(p.getProperty("exempt")), List.copyOf(libs), file.getFileName().toString());
    }

    public boolean isExempt(String path) {
        return exempt.stream().anyMatch(e -> path.startsWith(e) || (path + "/").equals(e));
    }
}
