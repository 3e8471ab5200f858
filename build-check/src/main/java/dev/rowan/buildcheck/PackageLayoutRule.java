package dev.rowan.buildcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Rule "package-layout": in every module the parent pom lists, main code
 * lives in {@code dev.rowan.<module>}, {@code dev.rowan.<module>.spi}, {@code dev.rowan.<module>.testing} or
 * {@code dev.rowan.<module>.internal[.x]}; other source sets (tests) stay under
 * {@code dev.rowan.<module>}. Every file's package matches its folder. The module name is the folder
 * name without non-letters ({@code build-check} becomes {@code buildcheck}).
 *
 * <pre>{@code
 * List<Violation> v = PackageLayoutRule.check(repo, List.of("examples/", "benchmarks/"));
 * }</pre>
 */
public final class PackageLayoutRule {
    static final String RULE = "package-layout";
    private static final Pattern SOURCE_ROOT = Pattern.compile("src/([\\w-]+)/java/(.*)/[^/]+\\.java|src/([\\w-]+)/java/[^/]+\\.java");

    private PackageLayoutRule() {
    }

    public static List<Violation> check(Repo repo, List<String> exempt) {
        var out = new ArrayList<Violation>();
        for (String module : repo.listedModules()) {
            if (exempt.stream().anyMatch(e -> module.startsWith(e) || (module + "/").equals(e))) {
                continue;
            }
            String base = "dev.rowan." + packageName(module);
            repo.javaFiles().stream()
                    .filter(f -> f.startsWith(module + "/") && repo.moduleOf(f).equals(module))
                    .forEach(f -> checkFile(f, f.substring(module.length() + 1), base, repo, out));
        }
        return out;
    }

    static String packageName(String module) {
        String last = module.substring(module.lastIndexOf('/') + 1);
        return last.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static void checkFile(String file, String inModule, String base, Repo repo, List<Violation> out) {
        var m = SOURCE_ROOT.matcher(inModule);
        if (!m.matches()) {
            return; // not under src/<set>/java: not compiled by Maven, nothing to lay out
        }
        String set = m.group(1) != null ? m.group(1) : m.group(3);
        String folderPackage = m.group(2) == null ? "" : m.group(2).replace('/', '.');
        Optional<String> declared = JavaSource.of(repo.read(file)).packageName();
        String pkg = declared.orElse("");
        if (!pkg.equals(folderPackage)) {
            out.add(Violation.of(file, "declares package '" + pkg + "' but lives in folder '" + folderPackage + "'", RULE,
                    "Move the file or fix its package line so they match."));
        }
        boolean ok = set.equals("main") ? allowedInMain(pkg, base) : pkg.equals(base) || pkg.startsWith(base + ".");
        if (!ok) {
            out.add(Violation.of(file, "package '" + pkg + "' in " + set + " code", RULE, set.equals("main")
                    ? "Main code goes in " + base + " (the API), " + base + ".spi, " + base + ".testing (test support) or " + base + ".internal[.x]."
                    : "Code in this module goes under " + base + "."));
        }
    }

    private static boolean allowedInMain(String pkg, String base) {
        // ".testing" holds a module's own test support (JUnit extensions), kept apart from its runtime API.
        return pkg.equals(base) || pkg.equals(base + ".spi") || pkg.equals(base + ".testing") || pkg.equals(base + ".internal") || pkg.startsWith(base + ".internal.");
    }
}
