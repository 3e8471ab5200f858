package dev.rowan.buildcheck;

/**
 * One broken rule: where (a repository-relative file), what (the offending edge) and which rule,
 * with the fix. Printed one per line when the build fails.
 *
 * <pre>{@code
 * Violation.of("json/pom.xml", "rowan-json (L1) -> rowan-auth (L3) [compile]", "layering", "...");
 * }</pre>
 */
public record Violation(String file, String edge, String rule, String hint) {

    public static Violation of(String file, String edge, String rule, String hint) {
        return new Violation(file, edge, rule, hint);
    }

    @Override
    public String toString() {
        return file + ": " + edge + "  [rule: " + rule + "] " + hint;
    }
}
