package dev.rowan.templates.spi;

import java.util.Optional;

/**
 * A place templates are looked up in: a folder, a classpath prefix, a database table.
 * Roots are searched in priority order; the first that has a name wins.
 *
 * <pre>{@code
 * Templates.builder().root(new TemplateRoot() {
 *     public Optional<TemplateSource> find(String name) { return table.lookup(name); }
 *     public String description() { return "table TEMPLATES"; }
 * });
 * }</pre>
 */
public interface TemplateRoot {

    /**
     * The template called {@code name} (already normalized: relative, {@code /}-separated, no {@code ..}),
     * or empty when this root does not have it.
     */
    Optional<TemplateSource> find(String name);

    /** Where this root looks, for "template not found" messages, for example {@code folder /srv/app/templates}. */
    String description();
}
