package dev.rowan.core.internal;

import dev.rowan.core.App;
import dev.rowan.core.Check;
import dev.rowan.core.Setting;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code core.W005}: a {@code ROWAN_*} environment variable that names no declared setting. Such a
 * variable is almost always a typo or a key that changed, and it is otherwise silently ignored.
 */
final class UnknownEnvironmentCheck implements Check {
    @Override
    public List<Result> run(App app) {
        List<Setting> declared = app.settings();
        var out = new ArrayList<Result>();
        for (String variable : app.config().environmentVariables()) {
            String spelling = variable.substring("ROWAN_".length());
            if (declared.stream().noneMatch(s -> s.matches(spelling))) {
                out.add(warning(variable, nearest(spelling, declared)));
            }
        }
        return out;
    }

    private static Result warning(String variable, Setting nearest) {
        return Result.warning("core.W005", "The environment variable " + variable + " matches no setting, so it has no effect; "
                        + "the nearest setting is " + nearest.key() + " (" + nearest.environmentName() + ").",
                "Rename it to " + nearest.environmentName() + " if that is the one you meant, or remove it. "
                        + "docs/reference/settings.md lists every setting.");
    }

    private static Setting nearest(String spelling, List<Setting> declared) {
        String wanted = RelaxedKeys.relaxed(spelling);
        return Nearest.to(wanted, declared, s -> RelaxedKeys.relaxed(s.key().replaceAll("<[a-z]+>", "x"))).orElseThrow();
    }
}
