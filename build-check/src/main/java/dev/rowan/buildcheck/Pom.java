package dev.rowan.buildcheck;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the checks need from one pom.xml, read with the JDK's DOM parser: the coordinates, the
 * declared modules (profiles included) and the dependencies (profiles included, dependencyManagement
 * and plugin dependencies excluded — they put nothing on a module's class path).
 *
 * <pre>{@code
 * Pom pom = Pom.read(root, Path.of("core"));
 * pom.dependencies().forEach(d -> System.out.println(d.artifactId() + " " + d.scope()));
 * }</pre>
 */
public record Pom(String folder, String groupId, String artifactId, List<String> modules, List<Dependency> dependencies) {

    /** One {@code <dependency>}; scope defaults to compile, as in Maven. */
    public record Dependency(String groupId, String artifactId, String scope, boolean optional) {
        public boolean shipsToUsers() {
            return !scope.equals("test");
        }

        public String describe() {
            return groupId + ":" + artifactId + " [" + scope + (optional ? ", optional" : "") + "]";
        }
    }

    /** The pom file, relative to the repository root. */
    public String file() {
        return folder.isEmpty() ? "pom.xml" : folder + "/pom.xml";
    }

    /** Reads {@code root/folder/pom.xml}; {@code folder} is relative and uses '/' ("" is the root). */
    public static Pom read(Path root, String folder) {
        Path file = root.resolve(folder).resolve("pom.xml");
        Element project = parse(file);
        String groupId = text(project, "groupId")
                .or(() -> child(project, "parent").flatMap(p -> text(p, "groupId")))
                .orElse("");
        var modules = new ArrayList<String>();
        var deps = new ArrayList<Dependency>();
        collect(project, folder, modules, deps);
        child(project, "profiles").ifPresent(ps -> children(ps, "profile").forEach(p -> collect(p, folder, modules, deps)));
        return new Pom(folder, groupId, text(project, "artifactId").orElse(""), List.copyOf(modules), List.copyOf(deps));
    }

    private static void collect(Element owner, String folder, List<String> modules, List<Dependency> deps) {
        child(owner, "modules").ifPresent(ms -> children(ms, "module").forEach(m -> modules.add(join(folder, m.getTextContent().strip()))));
        child(owner, "dependencies").ifPresent(ds -> children(ds, "dependency").forEach(d -> deps.add(new Dependency(
                text(d, "groupId").orElse(""),
                text(d, "artifactId").orElse(""),
                text(d, "scope").orElse("compile"),
                text(d, "optional").map("true"::equals).orElse(false)))));
    }

    private static String join(String folder, String module) {
        return Path.of(folder).resolve(module).normalize().toString().replace('\\', '/');
    }

    private static Element parse(Path file) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            // A pom never needs a DTD or external entities; refusing them keeps the parser safe.
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
        } catch (Exception e) {
            throw new IllegalStateException("Could not read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Optional<Element> child(Element parent, String name) {
        return children(parent, name).stream().findFirst();
    }

    private static List<Element> children(Element parent, String name) {
        var out = new ArrayList<Element>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName(e).equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    private static String localName(Element e) {
        String name = e.getTagName();
        return name.substring(name.indexOf(':') + 1);
    }

    private static Optional<String> text(Element parent, String name) {
        return child(parent, name).map(e -> e.getTextContent().strip()).filter(s -> !s.isEmpty());
    }
}
