package dev.rowan.templates.internal.web;

import dev.rowan.core.Context;
import dev.rowan.core.Session;

import java.util.AbstractList;
import java.util.List;

/**
 * The flash messages, taken from the session only when a template reads them: a page that does not show messages
 * must not swallow them.
 */
final class LazyMessages extends AbstractList<Session.Flash> {
    private final Context ctx;
    private List<Session.Flash> messages;

    LazyMessages(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Session.Flash get(int index) {
        return messages().get(index);
    }

    @Override
    public int size() {
        return messages().size();
    }

    private List<Session.Flash> messages() {
        if (messages == null) {
            messages = List.copyOf(ctx.session().consumeFlashes());
        }
        return messages;
    }
}
