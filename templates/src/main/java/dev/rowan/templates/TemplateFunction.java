package dev.rowan.templates;

/**
 * A function templates can call with positional arguments, for example {@code {{ url('polls:detail', 5) }}}.
 *
 * <p>The result is autoescaped like any other value unless it is a {@link SafeHtml}.
 *
 * <pre>{@code
 * Templates templates = Templates.builder()
 *     .function("shout", call -> call.string(0).toUpperCase() + "!")
 *     .build();
 * }</pre>
 */
@FunctionalInterface
public interface TemplateFunction {

    /** Computes the value printed or used by the template; exceptions become a {@link TemplateException}. */
    Object call(TemplateCall call);
}
