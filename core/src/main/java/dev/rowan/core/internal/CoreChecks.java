package dev.rowan.core.internal;

import dev.rowan.core.App;
import dev.rowan.core.Check;
import dev.rowan.core.Config;

import java.util.ArrayList;
import java.util.List;

/** The core's startup checks; ids are documented in docs/reference/checks.md. */
final class CoreChecks implements Check {
    private final SecretKeys keys;

    CoreChecks(SecretKeys keys) {
        this.keys = keys;
    }

    @Override
    public List<Result> run(App app) {
        Config c = app.config();
        var out = new ArrayList<Result>();
        if (keys.source() == SecretKeys.Source.RANDOM && c.isProduction()) {
            out.add(Result.error("core.E001", "No secret key is set, so sessions, CSRF tokens and signed cookies cannot be trusted.",
                    "Set SECRET_KEY (or ROWAN_SECRET_KEY) to a long random value, the same on every instance."));
        } else if (keys.devProblem().isPresent()) {
            out.add(Result.warning("core.W001", "No secret key is set and the development key file " + keys.devProblem().get()
                    + "; using a random key for this process, so sessions end on restart.",
                    "Make the working directory writable, or set SECRET_KEY to keep sessions across restarts."));
        } else if (keys.current().length() < 32) {
            out.add(Result.warning("core.W002", "The secret key is shorter than 32 characters.", "Use at least 32 random characters."));
        }
        if (c.isProduction() && c.getList("allowed.hosts").isEmpty()) {
            out.add(Result.error("core.E002", "allowed.hosts is empty in production, so Host headers cannot be validated.",
                    "Set ROWAN_ALLOWED_HOSTS to the host names the app serves, e.g. example.com,.example.org"));
        }
        if (c.isProduction() && c.debug()) {
            out.add(Result.warning("core.W003", "debug is on in production: error pages show code and request data.", "Remove debug=true."));
        }
        if (c.isProduction() && c.getDuration("security.hsts", java.time.Duration.ZERO).isZero()) {
            out.add(new Result("core.W004", Result.Severity.INFO, "HSTS is off.",
                    "Behind HTTPS, set security.hsts=365d so browsers refuse plain HTTP."));
        }
        return out;
    }
}
