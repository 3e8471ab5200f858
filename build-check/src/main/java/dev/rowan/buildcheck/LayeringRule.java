package dev.rowan.buildcheck;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rule "layering": a module may depend only on Rowan modules of a lower
 * layer. Every pom in the tree counts, whether or not the reactor lists it. Test-scope edges are
 * exempt because they never reach a user's class path (see layers.properties).
 *
 * <pre>{@code
 * List<Violation> v = LayeringRule.check(Repo.scan(root), LayerTable.load(root.resolve("build-check/layers.properties")));
 * }</pre>
 */
public final class LayeringRule {
    static final String RULE = "layering";
    private static final String ROWAN_GROUP = "dev.rowan";

    private LayeringRule() {
    }

    public static List<Violation> check(Repo repo, LayerTable layers) {
        Map<String, Pom> byArtifact = new HashMap<>();
        repo.poms().values().forEach(p -> byArtifact.put(p.artifactId(), p));
        var out = new ArrayList<Violation>();
        repo.poms().values().stream()
                .filter(p -> !p.folder().isEmpty())
                .forEach(p -> checkModule(p, layers, byArtifact, out));
        return out;
    }

    private static void checkModule(Pom pom, LayerTable layers, Map<String, Pom> byArtifact, List<Violation> out) {
        List<Pom.Dependency> rowanDeps = pom.dependencies().stream().filter(d -> isRowan(d, pom)).toList();
        Optional<LayerTable.Layer> own = layers.layerOf(pom.folder());
        if (own.isEmpty()) {
            out.add(Violation.of(pom.file(), "module '" + pom.folder() + "' (" + pom.artifactId() + ") has no layer", RULE,
                    "Add '" + pom.folder() + "=<layer>' to build-check/" + layers.source() + " (docs/contributing.md explains the layers)."));
            return;
        }
        for (Pom.Dependency d : rowanDeps) {
            Pom target = byArtifact.get(d.artifactId());
            if (target == null) {
                out.add(Violation.of(pom.file(), pom.artifactId() + " -> " + d.describe() + ": no module in this repository has that artifactId",
                        RULE, "Fix the artifactId, or add the module (and its layer) first."));
                continue;
            }
            if (d.shipsToUsers()) {
                checkEdge(pom, own.get(), d, target, layers, out);
            }
        }
    }

    private static void checkEdge(Pom from, LayerTable.Layer fromLayer, Pom.Dependency d, Pom to, LayerTable layers, List<Violation> out) {
        Optional<LayerTable.Layer> toLayer = layers.layerOf(to.folder());
        String edge = from.artifactId() + " (" + from.folder() + ", " + fromLayer + ") -> " + to.artifactId() + " ("
                + to.folder() + ", " + toLayer.map(Object::toString).orElse("no layer") + ") " + d.describe().substring(d.describe().indexOf('['));
        if (toLayer.isEmpty()) {
            return; // reported once, on the target's own pom
        }
        if (fromLayer.tooling() || toLayer.get().tooling()) {
            out.add(Violation.of(from.file(), edge, RULE, "Build tooling ('none' in " + layers.source() + ") neither depends on Rowan modules nor is depended on."));
        } else if (toLayer.get().number() >= fromLayer.number()) {
            out.add(Violation.of(from.file(), edge, RULE, "A module may depend only on LOWER layers (" + layers.source()
                    + "). Move the shared code down a layer, invert the dependency through an SPI in the lower module, or use scope test if only tests need it."));
        }
    }

    private static boolean isRowan(Pom.Dependency d, Pom owner) {
        String group = d.groupId().equals("${project.groupId}") ? owner.groupId() : d.groupId();
        return group.equals(ROWAN_GROUP);
    }
}
