package dev.rowan.templates.internal.web;

import dev.rowan.core.spi.SourceSnippet;
import dev.rowan.templates.TemplateException;

/** A template error as the core's debug page understands it: name, line and snippet. Still a TemplateException. */
final class SnippetTemplateException extends TemplateException implements SourceSnippet {
    private SnippetTemplateException(TemplateException e) {
        super(e.id(), e.problem(), e.templateName(), e.line(), e.snippet(), e);
    }

    static TemplateException of(TemplateException e) {
        return e instanceof SourceSnippet ? e : new SnippetTemplateException(e);
    }

    @Override
    public String sourceName() {
        return templateName();
    }
}
