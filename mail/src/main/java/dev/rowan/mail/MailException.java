package dev.rowan.mail;

/** A message could not be sent: the message says why, with the server it tried (never its password). */
public final class MailException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MailException(String message, Throwable cause) {
        super(message, cause);
    }
}
