package dev.rowan.mail.internal;

import dev.rowan.mail.Email;
import dev.rowan.mail.Mailer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps messages for a test to read. */
public final class MemoryMailer implements Mailer {
    private final String from;
    private final List<Email> outbox = new CopyOnWriteArrayList<>();

    public MemoryMailer(String from) {
        this.from = from;
    }

    @Override
    public void send(Email email) {
        outbox.add(email.from().isPresent() ? email : new Email(java.util.Optional.of(from), email.to(), email.subject(), email.text(),
                email.html()));
    }

    public List<Email> outbox() {
        return List.copyOf(outbox);
    }
}
