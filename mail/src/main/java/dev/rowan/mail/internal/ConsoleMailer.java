package dev.rowan.mail.internal;

import dev.rowan.mail.Email;
import dev.rowan.mail.Mailer;

import java.io.PrintStream;

/** Prints each message instead of sending it: development's default, so no one is mailed by accident. */
public final class ConsoleMailer implements Mailer {
    private final String from;
    private final PrintStream out;

    public ConsoleMailer(String from, PrintStream out) {
        this.from = from;
        this.out = out;
    }

    @Override
    public void send(Email email) {
        var sb = new StringBuilder("---------- mail (not sent: mail.backend=console) ----------\n")
                .append("From: ").append(email.from().orElse(from)).append('\n')
                .append("To: ").append(String.join(", ", email.to())).append('\n')
                .append("Subject: ").append(email.subject()).append("\n\n")
                .append(email.text()).append('\n');
        email.html().ifPresent(h -> sb.append("---------- HTML ----------\n").append(h).append('\n'));
        out.print(sb.append("-----------------------------------------------------------\n"));
        out.flush();
    }
}
