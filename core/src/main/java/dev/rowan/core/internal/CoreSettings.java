package dev.rowan.core.internal;

import dev.rowan.core.Config;
import dev.rowan.core.Setting;
import dev.rowan.core.Setting.Type;

import java.util.List;

/** Every setting the core reads, declared for the startup check and the settings reference page. */
public final class CoreSettings {
    private CoreSettings() {
    }

    public static final List<Setting> ALL = List.of(
            Setting.of("profile", Type.TEXT, "dev", "Which profile's files and defaults apply: dev, test, prod, or any other name, "
                    + "which is treated like prod."),
            Setting.of("debug", Type.BOOLEAN, "false", "Shows the developer error page (source, exception chain, request data) instead "
                    + "of a plain one; never turn it on in production.").inProfile(Config.DEV, "true"),
            Setting.of("reload", Type.BOOLEAN, "true", "Lets Dev.autoReload restart the app when its classes or resources change "
                    + "(dev profile only); false runs main once, unsupervised."),
            Setting.of("reload.quiet-period", Type.DURATION, "1s", "How long the watched folders must stay unchanged before "
                    + "Dev.autoReload restarts, so that one build causes one restart."),
            Setting.of("server.port", Type.INTEGER, "8000", "The port app.start() listens on; start(port) in code wins.")
                    .alsoFromEnvironment("PORT"),
            Setting.of("server.host", Type.TEXT, "127.0.0.1", "The address the server listens on; 0.0.0.0 for every interface.")
                    .inProfile(Config.PROD, "0.0.0.0"),
            Setting.choice("server.transport", "The network transport: the JDK's NIO, or Netty's native epoll on Linux.", "nio", "epoll"),
            Setting.of("server.io-threads", Type.INTEGER, "the number of CPUs", "Threads that read and write connections."),
            Setting.of("server.max-body-size", Type.SIZE, "10MB", "Request bodies larger than this are refused with 413."),
            Setting.of("server.max-uri-length", Type.SIZE, "8KB", "Longer request lines are refused with 414."),
            Setting.of("server.max-header-size", Type.SIZE, "16KB", "Larger request headers are refused with 431."),
            Setting.of("server.idle-timeout", Type.DURATION, "60s", "A connection with no request for this long is closed."),
            Setting.of("server.head-timeout", Type.DURATION, "10s", "A request line and headers must arrive within this time of their "
                    + "first byte, or the client is answered 408 and closed (a slowloris guard)."),
            Setting.of("server.min-body-rate", Type.SIZE, "240", "Bytes per second a request body must keep up, averaged while the app "
                    + "reads it; slower is answered 408 and closed. 0 turns the check off."),
            Setting.of("server.min-body-rate-grace", Type.DURATION, "5s", "How long a body may be slower than server.min-body-rate "
                    + "before the rate is enforced."),
            Setting.of("server.shutdown-timeout", Type.DURATION, "10s", "On stop, how long requests in flight may take to finish."),
            Setting.of("server.trust-proxy", Type.BOOLEAN, "false", "Believes X-Forwarded-Proto from a proxy in front of the app; "
                    + "turn it on only behind a proxy you run."),
            Setting.of("server.access-log", Type.BOOLEAN, "true", "Logs one line per request on the rowan.access logger.")
                    .inProfile(Config.TEST, "false"),
            Setting.of("server.header", Type.TEXT, "", "A Server header value sent with every response; none by default, as it "
                    + "only helps scanners."),
            Setting.of("server.max-form-memory-size", Type.SIZE, "2560KB", "Form fields (not files) larger than this in total are "
                    + "refused with 413."),
            Setting.of("server.max-form-fields", Type.INTEGER, "1000", "Forms with more fields are refused with 400."),
            Setting.of("server.max-upload-files", Type.INTEGER, "100", "Uploads with more files are refused with 400."),
            Setting.of("server.max-part-header-size", Type.SIZE, "8KB", "Larger headers of one multipart part are refused with 400."),
            Setting.of("server.upload-dir", Type.PATH, "the JVM's temporary folder", "Where uploaded files are streamed to while "
                    + "their request runs."),
            Setting.of("secret.key", Type.TEXT, "", "Signs sessions, CSRF tokens and cookies; required in production, the same on "
                    + "every instance. Outside production: in dev a key generated once into .rowan/secret-key in the working directory, in test a "
                    + "random key per process.").alsoFromEnvironment("SECRET_KEY"),
            Setting.of("secret.fallbacks", Type.LIST, "", "Former secret keys whose signatures stay valid while you rotate keys."),
            Setting.of("allowed.hosts", Type.LIST, "", "The Host names the app answers (example.com, .example.com for every "
                    + "subdomain, * for any); dev allows localhost names, test any, production requires a list.")
                    .inProfile(Config.DEV, "localhost,.localhost,127.0.0.1,[::1]").inProfile(Config.TEST, "*"),
            Setting.of("session.max-age", Type.DURATION, "14d", "How long the session cookie lives."),
            Setting.of("session.cookie-name", Type.TEXT, "rowan_session", "The name of the session cookie."),
            Setting.of("security.hsts", Type.DURATION, "", "Sends Strict-Transport-Security with this max-age (e.g. 365d); "
                    + "set it only when every page is served over HTTPS."),
            Setting.of("security.hsts-subdomains", Type.BOOLEAN, "false", "Adds includeSubDomains to Strict-Transport-Security."),
            Setting.of("security.frame-options", Type.TEXT, "DENY", "The X-Frame-Options header: DENY, or SAMEORIGIN to allow "
                    + "framing by the site itself."),
            Setting.of("security.referrer-policy", Type.TEXT, "same-origin", "The Referrer-Policy header."),
            Setting.of("security.cross-origin-opener-policy", Type.TEXT, "same-origin", "The Cross-Origin-Opener-Policy header."));
}
