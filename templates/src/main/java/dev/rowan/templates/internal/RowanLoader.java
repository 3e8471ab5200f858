package dev.rowan.templates.internal;

import io.pebbletemplates.pebble.loader.Loader;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Adapts the root chain to Pebble. In production the key is the name alone, so a cached template costs no I/O;
 * with reloading the key carries the source's version, so a changed file gets a new key and is compiled again.
 */
final class RowanLoader implements Loader<TemplateKey> {
    private final RootChain chain;
    private final boolean reload;

    RowanLoader(RootChain chain, boolean reload) {
        this.chain = chain;
        this.reload = reload;
    }

    @Override
    public TemplateKey createCacheKey(String name) {
        if (!reload) {
            return new TemplateKey(name, 0);
        }
        return new TemplateKey(name, chain.find(name).map(s -> s.version() * 31 + s.location().hashCode()).orElse(0L));
    }

    @Override
    public Reader getReader(TemplateKey key) {
        try (Reader in = chain.require(key.name()).open()) {
            var text = new StringWriter();
            in.transferTo(text);
            return new StringReader(closeTrailingEscape(text.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("templates: cannot read " + key.name(), e);
        }
    }

    /**
     * Pebble's lexer never returns from a quoted string that the text ends inside right after a
     * backslash (a template that ends in <code>{{ "a\</code>): it waits for the escaped character. An empty comment after an odd
     * run of trailing backslashes gives it one, so the string is reported as unclosed. In plain text
     * the comment renders as nothing, so the output is unchanged.
     */
    static String closeTrailingEscape(String text) {
        int run = 0;
        for (int i = text.length() - 1; i >= 0 && text.charAt(i) == '\\'; i--) {
            run++;
        }
        return run % 2 == 1 ? text + "{##}" : text;
    }

    @Override
    public String resolveRelativePath(String relativePath, String anchorPath) {
        return TemplateNames.resolveRelative(relativePath, anchorPath);
    }

    @Override
    public boolean resourceExists(String name) {
        return chain.find(name).isPresent();
    }

    // Rowan fixes these: UTF-8, names are full relative paths with their extension.
    @Override
    public void setCharset(String charset) {
    }

    @Override
    public void setPrefix(String prefix) {
    }

    @Override
    public void setSuffix(String suffix) {
    }
}
