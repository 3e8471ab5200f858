package dev.rowan.templates.internal;

import dev.rowan.templates.TemplateException;
import io.pebbletemplates.pebble.error.ParserException;
import io.pebbletemplates.pebble.error.PebbleException;

import java.util.function.Supplier;

/** Turns whatever Pebble or user code threw into a {@link TemplateException} that points at the template line. */
final class Errors {
    private final RootChain chain;

    Errors(RootChain chain) {
        this.chain = chain;
    }

    /**
     * Runs a function or filter of user code. Pebble does not locate exceptions from them; without this the error
     * would point nowhere.
     */
    static Object located(String what, int line, String template, Supplier<Object> call) {
        try {
            return call.get();
        } catch (TemplateException | PebbleException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new PebbleException(e, what + " failed", line, template);
        }
    }

    TemplateException translate(RuntimeException error, String requested) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof TemplateException known) {
                return known; // includes "not found" raised by our loader, from any depth
            }
        }
        PebbleException located = innermostLocated(error);
        if (located == null) {
            return TemplateException.of("templates.E003", describe(error), requested, 0, "", error);
        }
        String name = located.getFileName();
        int line = located.getLineNumber();
        boolean syntax = located instanceof ParserException;
        String problem = (syntax ? "Syntax error: " : "Error while rendering: ") + problemOf(located);
        String snippet = Snippets.around(chain.find(name), line);
        return TemplateException.of(syntax ? "templates.E001" : "templates.E003", problem, name, line, snippet, error);
    }

    /** The deepest Pebble error that knows its file and line is the closest to the real cause. */
    private static PebbleException innermostLocated(Throwable error) {
        PebbleException found = null;
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof PebbleException p && p.getFileName() != null && p.getLineNumber() != null
                    && p.getLineNumber() > 0) {
                found = p;
            }
        }
        return found;
    }

    private static String problemOf(PebbleException located) {
        String message = located.getPebbleMessage();
        Throwable cause = located.getCause();
        if (cause != null && !(cause instanceof PebbleException)) {
            message = (message == null ? "" : message + ": ") + describe(cause);
        }
        return message == null ? describe(located) : message;
    }

    private static String describe(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
