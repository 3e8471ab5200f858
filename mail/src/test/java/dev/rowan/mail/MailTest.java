package dev.rowan.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.rowan.core.App;
import dev.rowan.core.Config;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Mail sent to a real SMTP server in this JVM (GreenMail), and the console and memory backends. */
class MailTest {
    private GreenMail smtp;
    private int port;

    @BeforeEach
    void startSmtp() throws Exception {
        try (var s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    private App app(Map<String, String> more) {
        var settings = new HashMap<>(Map.of("secret.key", "k".repeat(40), "mail.host", "127.0.0.1", "mail.port", String.valueOf(port),
                "mail.from", "shop@example.com"));
        settings.putAll(more);
        return App.create(Config.of(settings).withProfile("prod")).install(MailModule.create());
    }

    @Test
    void smtpSendsTextWithAnHtmlAlternative() throws Exception {
        App app = app(Map.of());
        app.service(Mailer.class).send(Email.to("ada@example.com").subject("Your order — 3 items").text("Plain: thank you, Ada.")
                .html("<p>Thank you, <b>Ada</b>.</p>").build());

        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage received = smtp.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Your order — 3 items");
        assertThat(received.getFrom()[0].toString()).isEqualTo("shop@example.com");
        assertThat(received.getAllRecipients()[0].toString()).isEqualTo("ada@example.com");
        var parts = (MimeMultipart) received.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        assertThat(parts.getBodyPart(0).getContent().toString()).isEqualTo("Plain: thank you, Ada.");
        assertThat(parts.getBodyPart(1).getContent().toString()).isEqualTo("<p>Thank you, <b>Ada</b>.</p>");
    }

    @Test
    void anUnreachableServerIsAMailExceptionNamingIt() throws Exception {
        int closed;
        try (var s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        App app = app(Map.of("mail.port", String.valueOf(closed), "mail.timeout", "2s"));
        assertThatThrownBy(() -> app.service(Mailer.class).send(Email.to("ada@example.com").subject("x").text("y").build()))
                .isInstanceOf(MailException.class).hasMessageContaining("127.0.0.1:" + closed);
    }

    @Test
    void startTlsIsRequiredNotOpportunistic() {
        App app = app(Map.of("mail.security", "starttls"));   // GreenMail's plain SMTP offers no STARTTLS
        assertThatThrownBy(() -> app.service(Mailer.class).send(Email.to("ada@example.com").subject("x").text("y").build()))
                .isInstanceOf(MailException.class);
        assertThat(smtp.getReceivedMessages()).as("nothing went out in plain text").isEmpty();
    }

    @Test
    void theMemoryBackendKeepsAnOutbox() {
        App app = app(Map.of("mail.backend", "memory"));
        app.service(Mailer.class).send(Email.to("bo@example.com").subject("Hi").text("Hello").build());
        assertThat(MailModule.outbox(app)).singleElement().satisfies(m -> {
            assertThat(m.to()).containsExactly("bo@example.com");
            assertThat(m.from()).contains("shop@example.com");
        });
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void theConsoleBackendPrintsAndSendsNothing() {
        var out = new ByteArrayOutputStream();
        new dev.rowan.mail.internal.ConsoleMailer("shop@example.com", new PrintStream(out, true, StandardCharsets.UTF_8))
                .send(Email.to("cy@example.com").subject("Reset").text("Your link: http://x/reset/abc").build());
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("not sent", "To: cy@example.com", "Subject: Reset", "Your link: http://x/reset/abc");
        assertThat(App.create(Config.of(Map.of()).withProfile("dev")).install(MailModule.create()).service(Mailer.class))
                .as("the dev default").isInstanceOf(dev.rowan.mail.internal.ConsoleMailer.class);
    }

    @Test
    void headerInjectionAndBadAddressesAreRefusedWhenBuilt() {
        assertThatThrownBy(() -> Email.to("ada@example.com").subject("Hi\r\nBcc: everyone@example.com").build())
                .hasMessageContaining("may not contain a line break");
        assertThatThrownBy(() -> Email.to("ada@example.com\r\nBcc: x@example.com").build()).hasMessageContaining("is not an email address");
        assertThatThrownBy(() -> Email.to("not-an-address").build()).hasMessageContaining("is not an email address");
        assertThatThrownBy(() -> app(Map.of("mail.backend", "pigeon"))).hasMessageContaining("use console, smtp or memory");
    }
}
