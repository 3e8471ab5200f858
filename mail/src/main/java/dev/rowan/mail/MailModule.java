package dev.rowan.mail;

import dev.rowan.core.App;
import dev.rowan.core.Config;
import dev.rowan.core.Module;
import dev.rowan.core.Setting;
import dev.rowan.mail.internal.ConsoleMailer;
import dev.rowan.mail.internal.MemoryMailer;
import dev.rowan.mail.internal.SmtpMailer;

import java.time.Duration;
import java.util.List;

/**
 * Registers a {@link Mailer}: {@code mail.backend=console} (the default in dev: messages are
 * printed, nothing is sent), {@code smtp} (the default elsewhere), or {@code memory} (kept in an
 * outbox a test reads with {@link #outbox(App)}).
 *
 * <pre>{@code
 * app.install(MailModule.create());   // ROWAN_MAIL_HOST=smtp.example.com ROWAN_MAIL_SECURITY=starttls ...
 * }</pre>
 */
public final class MailModule implements Module {
    static final List<Setting> SETTINGS = List.of(
            Setting.of("mail.backend", Setting.Type.TEXT, "console in dev, smtp otherwise", "console, smtp or memory."),
            Setting.of("mail.from", Setting.Type.TEXT, "webmaster@localhost", "The sender of messages that name none."),
            Setting.of("mail.host", Setting.Type.TEXT, "localhost", "The SMTP server."),
            Setting.of("mail.port", Setting.Type.INTEGER, "25 (587 with starttls, 465 with tls)", "The SMTP server's port."),
            Setting.of("mail.security", Setting.Type.TEXT, "none", "none, starttls (required, not opportunistic) or tls (implicit TLS)."),
            Setting.of("mail.username", Setting.Type.TEXT, "", "The SMTP login, when the server asks for one."),
            Setting.of("mail.password", Setting.Type.TEXT, "", "The SMTP password."),
            Setting.of("mail.timeout", Setting.Type.DURATION, "10s", "How long connecting, and each step of sending, may take."));

    private MailModule() {
    }

    public static MailModule create() {
        return new MailModule();
    }

    @Override
    public void install(App app) {
        app.declare(SETTINGS.toArray(Setting[]::new));
        Config c = app.config();
        String from = c.get("mail.from", "webmaster@localhost");
        String backend = c.get("mail.backend", c.isDev() ? "console" : "smtp");
        Mailer mailer = switch (backend) {
            case "console" -> new ConsoleMailer(from, System.out);
            case "memory" -> new MemoryMailer(from);
            case "smtp" -> smtp(c, from);
            default -> throw new IllegalArgumentException("mail.backend is '" + backend + "'; use console, smtp or memory");
        };
        app.register(Mailer.class, mailer);
    }

    private static Mailer smtp(Config c, String from) {
        String security = c.get("mail.security", "none");
        int defaultPort = switch (security) {
            case "none" -> 25;
            case "starttls" -> 587;
            case "tls" -> 465;
            default -> throw new IllegalArgumentException("mail.security is '" + security + "'; use none, starttls or tls");
        };
        return new SmtpMailer(from, c.get("mail.host", "localhost"), c.getInt("mail.port", defaultPort), security,
                c.get("mail.username", ""), c.get("mail.password", ""), c.getDuration("mail.timeout", Duration.ofSeconds(10)));
    }

    /** The messages a {@code memory} backend kept, oldest first. */
    public static List<Email> outbox(App app) {
        if (!(app.service(Mailer.class) instanceof MemoryMailer memory)) {
            throw new IllegalStateException("The outbox needs mail.backend=memory");
        }
        return memory.outbox();
    }
}
