package dev.rowan.templates;

import java.util.List;

/**
 * No template root has a template of the requested name. The message lists every place searched, in order.
 *
 * <pre>{@code
 * catch (TemplateNotFoundException e) { e.searched().forEach(System.err::println); }
 * }</pre>
 */
public final class TemplateNotFoundException extends TemplateException {
    private final List<String> searched;

    private TemplateNotFoundException(String name, List<String> searched) {
        super("templates.E002", "Template '" + name + "' not found; searched, in order: "
                + String.join("; ", searched) + ". Check the name or add the file to one of these places.",
                name, 0, "", null);
        this.searched = List.copyOf(searched);
    }

    /** Creates the exception for {@code name} after searching the described {@code searched} places. */
    public static TemplateNotFoundException of(String name, List<String> searched) {
        return new TemplateNotFoundException(name, searched);
    }

    /** The places searched, highest priority first. */
    public List<String> searched() {
        return searched;
    }
}
