package dev.rowan.buildcheck;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * All architecture rules over one repository, with the tables kept in {@code build-check/}.
 *
 * <pre>{@code
 * BuildCheck check = BuildCheck.of(Path.of("/work/main"));
 * check.all().forEach(System.out::println);   // empty when the repository follows the rules
 * }</pre>
 */
public final class BuildCheck {
    private final Repo repo;
    private final LayerTable layers;
    private final ThirdPartyTable thirdParty;

    private BuildCheck(Repo repo, LayerTable layers, ThirdPartyTable thirdParty) {
        this.repo = repo;
        this.layers = layers;
        this.thirdParty = thirdParty;
    }

    /** Scans {@code root}, reading the tables from {@code root/build-check/}. */
    public static BuildCheck of(Path root) {
        Path tables = root.resolve("build-check");
        return of(root, tables.resolve("layers.properties"), tables.resolve("third-party.properties"));
    }

    /** Scans {@code root} with tables from elsewhere (tests check synthetic trees against the real tables). */
    public static BuildCheck of(Path root, Path layersFile, Path thirdPartyFile) {
        return new BuildCheck(Repo.scan(root), LayerTable.load(layersFile), ThirdPartyTable.load(thirdPartyFile));
    }

    public List<Violation> layering() {
        return LayeringRule.check(repo, layers);
    }

    public List<Violation> thirdParty() {
        return ThirdPartyRule.check(repo, thirdParty);
    }

    public List<Violation> packageLayout() {
        return PackageLayoutRule.check(repo, thirdParty.exempt());
    }

    public List<Violation> all() {
        var out = new ArrayList<Violation>(layering());
        out.addAll(thirdParty());
        out.addAll(packageLayout());
        return out;
    }

    /** The failure text: one violation per line, then where the rules are written down. */
    public static String report(List<Violation> violations) {
        var sb = new StringBuilder(violations.size() + " build-check violation(s):\n");
        violations.forEach(v -> sb.append("  - ").append(v).append('\n'));
        return sb.append("Rules: the layering and package-layout rules in docs/contributing.md; tables in build-check/*.properties.").toString();
    }

    /** Prints the violations and exits non-zero when there are any; the argument is the repository root. */
    public static void main(String[] args) {
        List<Violation> all = of(Path.of(args.length > 0 ? args[0] : ".")).all();
        if (!all.isEmpty()) {
            System.err.println(report(all));
            System.exit(1);
        }
        System.out.println("build-check: no violations");
    }
}
