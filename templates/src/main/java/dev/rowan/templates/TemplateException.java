package dev.rowan.templates;

/**
 * A template could not be compiled or rendered. Carries what a debug page shows: the template, the line
 * and the source lines around it.
 *
 * <pre>{@code
 * try {
 *     templates.render("emails/welcome.html", model);
 * } catch (TemplateException e) {
 *     log.error("{} line {}\n{}", e.templateName(), e.line(), e.snippet());
 * }
 * }</pre>
 *
 * <p>The message starts with a stable id: {@code templates.E001} syntax error, {@code templates.E002} template not
 * found, {@code templates.E003} error while rendering.
 */
public class TemplateException extends RuntimeException {
    private final String id;
    private final String problem;
    private final String templateName;
    private final int line;
    private final String snippet;

    /** For this module's internals and subclasses; use the accessors to read an error. */
    protected TemplateException(String id, String problem, String templateName, int line, String snippet,
                                Throwable cause) {
        super(message(id, problem, templateName, line, snippet), cause);
        this.id = id;
        this.problem = problem;
        this.templateName = templateName;
        this.line = line;
        this.snippet = snippet;
    }

    /** Creates an exception; used by the engine adapter. */
    public static TemplateException of(String id, String problem, String templateName, int line, String snippet,
                                       Throwable cause) {
        return new TemplateException(id, problem, templateName, line, snippet, cause);
    }

    /** The stable id, for example {@code templates.E001}. */
    public String id() {
        return id;
    }

    /** What went wrong, without the location (the message adds template, line and snippet). */
    public String problem() {
        return problem;
    }

    /** The template in which the error is, which may be a parent or an included template. */
    public String templateName() {
        return templateName;
    }

    /** The 1-based line of the error, or 0 when the error is not tied to a line. */
    public int line() {
        return line;
    }

    /**
     * A few numbered source lines around {@link #line()}, the error line marked with {@code >}; empty when the
     * source is not known.
     */
    public String snippet() {
        return snippet;
    }

    private static String message(String id, String problem, String name, int line, String snippet) {
        String where = line > 0 ? " (" + name + " line " + line + ")" : " (" + name + ")";
        return id + " " + problem + where + (snippet.isEmpty() ? "" : "\n" + snippet);
    }
}
