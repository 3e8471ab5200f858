package dev.rowan.templates.internal;

import dev.rowan.templates.TemplateFilter;
import dev.rowan.templates.TemplateFunction;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.extension.escaper.RawFilter;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Registers Rowan's globals, functions and filters, plus {@code |safe} as Jinja's name for Pebble's {@code |raw}. */
final class RowanExtension extends AbstractExtension {
    private final Map<String, Object> globals = new LinkedHashMap<>();
    private final Map<String, Function> functions = new HashMap<>();
    private final Map<String, Filter> filters = new HashMap<>();

    RowanExtension(Map<String, Object> globals, Map<String, TemplateFunction> functions,
                   Map<String, TemplateFilter> filters) {
        globals.forEach((name, value) -> this.globals.put(name, Values.toPebble(value)));
        functions.forEach((name, f) -> this.functions.put(name, new FunctionAdapter(f)));
        this.filters.put("safe", new RawFilter());
        this.filters.put("escape", new SafeAwareEscapeFilter());
        filters.forEach((name, f) -> this.filters.put(name, new FilterAdapter(f)));
    }

    @Override
    public Map<String, Object> getGlobalVariables() {
        return globals;
    }

    @Override
    public Map<String, Function> getFunctions() {
        return functions;
    }

    @Override
    public Map<String, Filter> getFilters() {
        return filters;
    }
}
