package dev.rowan.templates.internal;

/**
 * Recognizes the core's {@code TrustedHtml} (what forms render) when rowan-core is on the class path. The core is
 * an optional dependency, so the class is only touched after checking that it can be loaded.
 */
final class CoreMarkup {
    private static final boolean PRESENT = present();

    private CoreMarkup() {
    }

    /** The markup of a core {@code TrustedHtml} (a form, a field, plain markup), or null for any other value. */
    static String htmlOrNull(Object value) {
        return PRESENT ? Bridge.htmlOrNull(value) : null;
    }

    /**
     * The markup of a plain core {@code TrustedHtml.of(..)} value, or null. Richer objects such as forms keep their
     * identity, so templates can still read their attributes ({@code form.fields.title.widget}).
     */
    static String plainHtmlOrNull(Object value) {
        return PRESENT ? Bridge.plainHtmlOrNull(value) : null;
    }

    private static boolean present() {
        try {
            Class.forName("dev.rowan.core.TrustedHtml", false, CoreMarkup.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Loaded only when the core is present. */
    private static final class Bridge {
        static String htmlOrNull(Object value) {
            return value instanceof dev.rowan.core.TrustedHtml trusted ? trusted.html() : null;
        }

        static String plainHtmlOrNull(Object value) {
            return value instanceof dev.rowan.core.TrustedHtml.Markup plain ? plain.html() : null;
        }
    }
}
