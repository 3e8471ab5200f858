package dev.rowan.templates.internal;

import dev.rowan.templates.SafeHtml;
import io.pebbletemplates.pebble.extension.escaper.EscapeFilter;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import java.util.Map;

/**
 * Replaces Pebble's {@code escape} filter (which autoescape inserts on every print) so that a {@link SafeHtml}
 * (or the core's {@code TrustedHtml}, which forms render)
 * returned from anywhere — a nested model value, a getter of a form object — prints as is.
 */
final class SafeAwareEscapeFilter extends EscapeFilter {
    @Override
    public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
                        int line) {
        if (input instanceof SafeHtml html) {
            return new SafeString(html.html());
        }
        String trusted = CoreMarkup.htmlOrNull(input);
        if (trusted != null) {
            return new SafeString(trusted);
        }
        return super.apply(input, args, self, context, line);
    }
}
