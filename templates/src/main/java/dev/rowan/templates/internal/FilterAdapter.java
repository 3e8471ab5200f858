package dev.rowan.templates.internal;

import dev.rowan.templates.TemplateFilter;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import java.util.List;
import java.util.Map;

/** A {@link TemplateFilter} as a Pebble filter taking positional arguments. */
final class FilterAdapter implements Filter {
    private final TemplateFilter filter;

    FilterAdapter(TemplateFilter filter) {
        this.filter = filter;
    }

    @Override
    public List<String> getArgumentNames() {
        return null; // Pebble's signal for "positional arguments only"
    }

    @Override
    public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
                        int line) {
        return Errors.located("Filter", line, self.getName(),
                () -> Values.toPebble(filter.apply(input == null ? "" : input, Values.positional(args))));
    }
}
