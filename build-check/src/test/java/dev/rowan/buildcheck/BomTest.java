package dev.rowan.buildcheck;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The BOM an application imports manages what a Rowan app needs beside Rowan, at the versions the
 * build tests with, and the modules whose libraries log through SLF4J bring SLF4J 2 themselves.
 */
class BomTest {
    private static final Path ROOT = SyntheticRepo.realRoot();

    @Test
    void theBomsVersionsAreTheBuildsVersions() throws Exception {
        Map<String, String> root = properties(read("pom.xml"));
        Map<String, String> bom = properties(read("bom/pom.xml"));
        assertThat(bom).isNotEmpty();
        bom.forEach((name, version) -> assertThat(version)
                .as("bom/pom.xml's %s must equal the root pom's (the version Rowan is built and tested with)", name)
                .isEqualTo(root.get(name)));
    }

    @Test
    void theBomManagesWhatAnAppNeedsBesideRowan() throws Exception {
        Document bom = read("bom/pom.xml");
        Map<String, String> versions = properties(bom);
        List<String> managed = managed(bom);
        assertThat(managed).contains("org.slf4j:slf4j-api", "org.slf4j:slf4j-jdk14",
                "org.xerial:sqlite-jdbc", "org.postgresql:postgresql", "org.mariadb.jdbc:mariadb-java-client", "com.zaxxer:HikariCP",
                "org.mongodb:mongodb-driver-sync", "de.bwaldvogel:mongo-java-server", "de.bwaldvogel:mongo-java-server-h2-backend",
                "io.pebbletemplates:pebble", "tools.jackson:jackson-bom", "io.netty:netty-bom", "dev.rowan:rowan-core", "dev.rowan:rowan-db");
        assertThat(versions.get("slf4j.version")).as("slf4j-api must be 2.x: Pebble alone would bring 1.7").startsWith("2.");
    }

    @Test
    void everyThirdPartyLibraryAPublishedModuleShipsIsInTheBom() throws Exception {
        List<String> managed = managed(read("bom/pom.xml"));
        for (String module : List.of("core", "json", "templates", "forms", "db", "mongo", "test")) {
            for (String dep : shipped(read(module + "/pom.xml"))) {
                if (!dep.startsWith("dev.rowan:") && !dep.startsWith("io.netty:") && !dep.startsWith("org.junit")
                        && !dep.startsWith("tools.jackson")) {
                    assertThat(managed).as("%s ships %s, so the BOM must manage its version", module, dep).contains(dep);
                }
            }
        }
    }

    @Test
    void modulesWhoseLibrariesLogThroughSlf4jDeclareItAndAProvider() throws Exception {
        // A direct dependency is nearer than Pebble's own slf4j-api 1.7, so an app gets 2.x even
        // without importing the BOM; the provider keeps SLF4J from warning that it has none.
        for (String module : List.of("templates", "db", "mongo")) {
            List<String> deps = shipped(read(module + "/pom.xml"));
            assertThat(deps).as(module).contains("org.slf4j:slf4j-api", "org.slf4j:slf4j-jdk14");
        }
    }

    private static Document read(String file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(ROOT.resolve(file).toFile());
    }

    private static Map<String, String> properties(Document pom) {
        Map<String, String> out = new LinkedHashMap<>();
        Element props = child(pom.getDocumentElement(), "properties");
        if (props != null) {
            for (Element e : children(props)) {
                if (e.getTagName().endsWith(".version")) {
                    out.put(e.getTagName(), e.getTextContent().trim());
                }
            }
        }
        return out;
    }

    private static List<String> managed(Document pom) {
        Element dm = child(pom.getDocumentElement(), "dependencyManagement");
        return dm == null ? List.of() : coordinates(child(dm, "dependencies"), false);
    }

    private static List<String> shipped(Document pom) {
        return coordinates(child(pom.getDocumentElement(), "dependencies"), true);
    }

    private static List<String> coordinates(Element dependencies, boolean skipTestScope) {
        List<String> out = new ArrayList<>();
        if (dependencies == null) {
            return out;
        }
        for (Element d : children(dependencies)) {
            Element scope = child(d, "scope");
            if (skipTestScope && scope != null && scope.getTextContent().trim().equals("test")) {
                continue;
            }
            out.add(child(d, "groupId").getTextContent().trim() + ":" + child(d, "artifactId").getTextContent().trim());
        }
        return out;
    }

    private static Element child(Element parent, String name) {
        for (Element e : children(parent)) {
            if (e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
                out.add((Element) nodes.item(i));
            }
        }
        return out;
    }
}
