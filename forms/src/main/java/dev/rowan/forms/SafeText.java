package dev.rowan.forms;

/**
 * The rules every text field applies before its own validation, for use wherever text arrives outside a
 * {@link Form} too (a JSON API reading a body by hand):
 *
 * <ul>
 *   <li>a NUL character (U+0000) is refused: it is never part of real text, databases such as PostgreSQL cannot
 *       store it, and C-based tools cut the text there;</li>
 *   <li>the Unicode bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) are
 *       removed: they are invisible, and can make text display in a different order than it is stored
 *       ("Trojan Source", CVE-2021-42574), or turn the rest of a page around. Ordinary right-to-left text needs
 *       none of them; the Unicode bidi algorithm lays it out.</li>
 * </ul>
 *
 * <pre>{@code
 * String title = SafeText.clean(json.get("title"));      // throws ValidationException for a NUL
 * Fields.text("bio");                                    // form fields apply the same rules by themselves
 * Fields.text("bio").keepBidiControls();                 // a field where the writer sets directions by hand
 * }</pre>
 */
public final class SafeText {
    /** The message for text that contains U+0000. */
    public static final String NUL_MESSAGE = "Null characters (U+0000) are not allowed in text.";

    private SafeText() {
    }

    /** {@code text} without bidi controls; throws {@link ValidationException} when it contains a NUL. */
    public static String clean(String text) {
        requireNoNul(text);
        return stripBidiControls(text);
    }

    /** Throws {@link ValidationException} with {@link #NUL_MESSAGE} when {@code text} contains U+0000. */
    public static void requireNoNul(String text) {
        if (text.indexOf('\u0000') >= 0) {
            throw new ValidationException(NUL_MESSAGE);
        }
    }

    /** {@code text} without the characters for which {@link #isBidiControl} is true. */
    public static String stripBidiControls(String text) {
        if (text.chars().noneMatch(SafeText::isBidiControl)) {
            return text;   // the common case: no copy
        }
        StringBuilder out = new StringBuilder(text.length());
        text.chars().filter(c -> !isBidiControl(c)).forEach(c -> out.append((char) c));
        return out.toString();
    }

    /**
     * LRE, RLE, PDF, LRO, RLO (U+202A–U+202E) and LRI, RLI, FSI, PDI (U+2066–U+2069). The marks LRM/RLM/ALM are
     * not among them: they change no order beyond their neighbours and right-to-left writers use them.
     */
    public static boolean isBidiControl(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }
}
