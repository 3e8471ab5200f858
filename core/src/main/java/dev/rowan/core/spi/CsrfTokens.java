package dev.rowan.core.spi;

import dev.rowan.core.Context;

/**
 * Hands out CSRF tokens for the forms a response renders. rowan-forms' {@code CsrfProtection}
 * registers one; rowan-templates' {@code csrf_token()} and {@code csrf_input()} use it. Defined in
 * the core so those two modules (same layer) need not depend on each other.
 *
 * <pre>{@code
 * String token = ctx.service(CsrfTokens.class).token(ctx);
 * }</pre>
 */
public interface CsrfTokens {
    /**
     * A fresh masked token for this visitor's secret; creates the secret (and sends its cookie) when
     * the visitor has none yet.
     */
    String token(Context ctx);

    /** The name of the form field the token travels in. */
    String fieldName();
}
