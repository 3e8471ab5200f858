package dev.rowan.buildcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A .java file with comments and string/char literals blanked out (line breaks kept), so a package
 * named in a Javadoc or an error message is not mistaken for a use of it.
 *
 * <pre>{@code
 * JavaSource src = JavaSource.of(text);
 * src.packageName();                 // Optional[dev.rowan.core]
 * src.references("io.netty");        // lines that import or name io.netty.*
 * }</pre>
 */
public final class JavaSource {
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

    private final String code;

    private JavaSource(String code) {
        this.code = code;
    }

    public static JavaSource of(String text) {
        return new JavaSource(blankCommentsAndLiterals(text));
    }

    public Optional<String> packageName() {
        Matcher m = PACKAGE.matcher(code);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** One use of a package: the 1-based line and the qualified name as written. */
    public record Reference(int line, String name) {
    }

    /** Imports and fully-qualified uses of {@code packagePrefix} or its subpackages. */
    public List<Reference> references(String packagePrefix) {
        Pattern p = Pattern.compile("(?<![\\w.$])" + Pattern.quote(packagePrefix) + "(?:\\.[\\w$]+|\\.\\*)+");
        var out = new ArrayList<Reference>();
        Matcher m = p.matcher(code);
        while (m.find()) {
            out.add(new Reference(lineOf(m.start()), m.group()));
        }
        return out;
    }

    private int lineOf(int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (code.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    static String blankCommentsAndLiterals(String s) {
        var out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            int end = endOfSkippable(s, i);
            if (end == i) {
                out.append(s.charAt(i++));
            } else {
                for (int j = i; j < end; j++) {
                    out.append(s.charAt(j) == '\n' ? '\n' : ' ');
                }
                i = end;
            }
        }
        return out.toString();
    }

    /** Where a comment or literal starting at {@code i} ends, or {@code i} if none starts there. */
    private static int endOfSkippable(String s, int i) {
        if (s.startsWith("//", i)) {
            int nl = s.indexOf('\n', i);
            return nl < 0 ? s.length() : nl;
        }
        if (s.startsWith("/*", i)) {
            int close = s.indexOf("*/", i + 2);
            return close < 0 ? s.length() : close + 2;
        }
        if (s.startsWith("\"\"\"", i)) {
            return closing(s, i + 3, "\"\"\"");
        }
        char c = s.charAt(i);
        return c == '"' || c == '\'' ? closing(s, i + 1, String.valueOf(c)) : i;
    }

    private static int closing(String s, int from, String quote) {
        int j = from;
        while (j < s.length()) {
            if (s.charAt(j) == '\\') {
                j += 2;
            } else if (s.startsWith(quote, j)) {
                return j + quote.length();
            } else {
                j++;
            }
        }
        return s.length();
    }
}
