package dev.rowan.mail;

/**
 * Sends mail; {@link MailModule} registers the one {@code mail.backend} chooses:
 *
 * <pre>{@code
 * ctx.app().service(Mailer.class).send(Email.to(address).subject("Your link").text(body).build());
 * }</pre>
 */
public interface Mailer {
    /** Sends now; throws {@link MailException} when the server refuses or cannot be reached. */
    void send(Email email);
}
