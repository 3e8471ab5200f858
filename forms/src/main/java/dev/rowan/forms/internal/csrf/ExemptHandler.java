package dev.rowan.forms.internal.csrf;

import dev.rowan.core.Context;
import dev.rowan.core.Handler;

/** A handler marked as not needing CSRF checks; the middleware recognizes it through {@code ctx.routeHandler()}. */
public record ExemptHandler(Handler delegate) implements Handler {
    @Override
    public void handle(Context ctx) throws Exception {
        delegate.handle(ctx);
    }
}
