package dev.rowan.templates;

import java.util.List;
import java.util.Optional;

/**
 * One call of a {@link TemplateFunction} from a template: its positional arguments and where it happens.
 *
 * <pre>{@code
 * builder.function("url", call -> router.reverse(call.string(0), call.args().subList(1, call.size())));
 * }</pre>
 */
public interface TemplateCall extends RenderScope {

    /** The positional arguments, in order; an empty list for {@code f()}. */
    List<Object> args();

    /** The line of the call in {@link #templateName()}. */
    int line();

    /** A variable visible at the call (model, context processor values or globals). */
    Optional<Object> variable(String name);

    /** How many arguments were passed. */
    default int size() {
        return args().size();
    }

    /**
     * The argument at {@code index}.
     *
     * @throws IllegalArgumentException naming the template and line when the call has fewer arguments
     */
    default Object arg(int index) {
        if (index < 0 || index >= size()) {
            throw new IllegalArgumentException("templates.E004 argument " + (index + 1) + " is missing in the call at "
                    + templateName() + " line " + line() + " (got " + size() + " argument(s))");
        }
        return args().get(index);
    }

    /** The argument at {@code index} as text. */
    default String string(int index) {
        return String.valueOf(arg(index));
    }
}
