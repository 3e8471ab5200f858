package dev.rowan.templates.internal;

import dev.rowan.templates.TemplateCall;
import dev.rowan.templates.TemplateFunction;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link TemplateFunction} as a Pebble function taking positional arguments. */
final class FunctionAdapter implements Function {
    private final TemplateFunction function;

    FunctionAdapter(TemplateFunction function) {
        this.function = function;
    }

    @Override
    public List<String> getArgumentNames() {
        return null; // Pebble's signal for "positional arguments only"
    }

    @Override
    public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
        return Errors.located("Function", line, self.getName(),
                () -> Values.toPebble(function.call(new Call(Values.positional(args), self.getName(), line, context))));
    }

    private record Call(List<Object> args, String templateName, int line, EvaluationContext evaluation)
            implements TemplateCall {
        @Override
        public Optional<Object> context() {
            return Scope.current().flatMap(Scope::context);
        }

        @Override
        public Optional<Object> variable(String name) {
            return Optional.ofNullable(evaluation.getVariable(name));
        }
    }
}
