package dev.rowan.buildcheck;

import java.util.ArrayList;
import java.util.List;

/**
 * Rule "third-party": a library listed in third-party.properties appears
 * only where it is adapted — in imports and fully-qualified names of .java files, and in non-test
 * {@code <dependency>} entries of poms. In particular nothing outside core's engine adapter
 * ({@code dev.rowan.core.internal.server}) touches Netty.
 *
 * <pre>{@code
 * List<Violation> v = ThirdPartyRule.check(repo, ThirdPartyTable.load(root.resolve("build-check/third-party.properties")));
 * }</pre>
 */
public final class ThirdPartyRule {
    static final String RULE = "third-party";

    private ThirdPartyRule() {
    }

    public static List<Violation> check(Repo repo, ThirdPartyTable table) {
        var out = new ArrayList<Violation>();
        repo.javaFiles().stream().filter(f -> !table.isExempt(f)).forEach(f -> checkSource(f, repo, table, out));
        repo.poms().values().stream()
                .filter(p -> !p.folder().isEmpty() && !table.isExempt(p.folder()))
                .forEach(p -> checkPom(p, table, out));
        return out;
    }

    private static void checkSource(String file, Repo repo, ThirdPartyTable table, List<Violation> out) {
        JavaSource src = JavaSource.of(repo.read(file));
        for (ThirdPartyTable.Library lib : table.libraries()) {
            if (lib.ownedBy(file)) {
                continue;
            }
            for (String pkg : lib.packages()) {
                src.references(pkg).forEach(ref -> out.add(Violation.of(file + ":" + ref.line(),
                        "uses " + ref.name() + " (" + lib.name() + ")", RULE, hint(lib, table))));
            }
        }
    }

    private static void checkPom(Pom pom, ThirdPartyTable table, List<Violation> out) {
        for (Pom.Dependency d : pom.dependencies()) {
            table.libraries().stream()
                    .filter(lib -> d.shipsToUsers() && lib.hasGroup(d.groupId()) && !lib.ownedByModule(pom.folder()))
                    .forEach(lib -> out.add(Violation.of(pom.file(), pom.artifactId() + " -> " + d.describe() + " (" + lib.name() + ")",
                            RULE, hint(lib, table))));
        }
    }

    private static String hint(ThirdPartyTable.Library lib, ThirdPartyTable table) {
        return lib.name() + " may be used only in " + String.join(", ", lib.owners())
                + " (" + table.source() + "). Go through that module's API instead, or extend it there.";
    }
}
