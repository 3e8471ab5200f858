package dev.rowan.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One message: who it is from and to, a subject, a plain-text body and, when given, an HTML
 * alternative. Addresses and the subject are checked when it is built, so a line break typed into
 * a form cannot add headers (header injection).
 *
 * <pre>{@code
 * Email welcome = Email.to("ada@example.com").subject("Welcome").text("Hello, Ada.").html("<p>Hello, Ada.</p>").build();
 * app.service(Mailer.class).send(welcome);
 * }</pre>
 *
 * @param from empty to use the {@code mail.from} setting
 */
public record Email(Optional<String> from, List<String> to, String subject, String text, Optional<String> html) {
    private static final Pattern ADDRESS = Pattern.compile("[^\\s@<>\",;]+@[^\\s@<>\",;]+\\.[^\\s@<>\",;.]+");

    public Email {
        to = List.copyOf(to);
    }

    /** A message to one or more recipients. */
    public static Builder to(String first, String... more) {
        var all = new ArrayList<String>();
        all.add(first);
        all.addAll(List.of(more));
        return new Builder(all);
    }

    /** Builds an {@link Email}; {@link #build()} checks it. */
    public static final class Builder {
        private final List<String> to;
        private Optional<String> from = Optional.empty();
        private String subject = "";
        private String text = "";
        private Optional<String> html = Optional.empty();

        private Builder(List<String> to) {
            this.to = new ArrayList<>(to);
        }

        public Builder from(String address) {
            this.from = Optional.of(address);
            return this;
        }

        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        public Builder text(String text) {
            this.text = text;
            return this;
        }

        public Builder html(String html) {
            this.html = Optional.of(html);
            return this;
        }

        public Email build() {
            to.forEach(a -> requireAddress(a, "recipient"));
            from.ifPresent(a -> requireAddress(a, "sender"));
            if (subject.indexOf('\r') >= 0 || subject.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("An email subject is one line: it may not contain a line break");
            }
            return new Email(from, to, subject, text, html);
        }
    }

    static void requireAddress(String address, String role) {
        if (!ADDRESS.matcher(address).matches()) {
            throw new IllegalArgumentException("'" + address + "' is not an email address the " + role + " can have (name@example.com)");
        }
    }
}
