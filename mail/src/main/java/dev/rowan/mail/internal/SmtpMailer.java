package dev.rowan.mail.internal;

import dev.rowan.mail.Email;
import dev.rowan.mail.MailException;
import dev.rowan.mail.Mailer;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;

/** SMTP through Jakarta Mail (Angus), with STARTTLS required or implicit TLS, and timeouts on every step. */
public final class SmtpMailer implements Mailer {
    private final String from;
    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final Session session;

    public SmtpMailer(String from, String host, int port, String security, String username, String password, Duration timeout) {
        this.from = from;
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
        String protocol = security.equals("tls") ? "smtps" : "smtp";
        var p = new Properties();
        p.put("mail.transport.protocol", protocol);
        p.put("mail." + protocol + ".host", host);
        p.put("mail." + protocol + ".port", String.valueOf(port));
        String millis = String.valueOf(timeout.toMillis());
        p.put("mail." + protocol + ".connectiontimeout", millis);
        p.put("mail." + protocol + ".timeout", millis);
        p.put("mail." + protocol + ".writetimeout", millis);
        p.put("mail." + protocol + ".auth", String.valueOf(!username.isEmpty()));
        if (security.equals("starttls")) {
            // Required, not opportunistic: a server that does not offer it is an error, not plain text.
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        if (!security.equals("none")) {
            p.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        this.session = Session.getInstance(p);
    }

    @Override
    public void send(Email email) {
        try {
            MimeMessage m = new MimeMessage(session);
            m.setFrom(new InternetAddress(email.from().orElse(from), true));
            for (String to : email.to()) {
                m.addRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
            }
            m.setSubject(email.subject(), StandardCharsets.UTF_8.name());
            m.setSentDate(new Date());
            if (email.html().isPresent()) {
                var alternative = new MimeMultipart("alternative");
                alternative.addBodyPart(part(email.text(), "plain"));
                alternative.addBodyPart(part(email.html().get(), "html"));
                m.setContent(alternative);
            } else {
                m.setText(email.text(), StandardCharsets.UTF_8.name());
            }
            Transport transport = session.getTransport();
            try {
                transport.connect(host, port, username.isEmpty() ? null : username, password.isEmpty() ? null : password);
                transport.sendMessage(m, m.getAllRecipients());
            } finally {
                transport.close();
            }
        } catch (MessagingException e) {
            throw new MailException("Could not send mail through " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    private static MimeBodyPart part(String content, String subtype) throws MessagingException {
        var part = new MimeBodyPart();
        part.setText(content, StandardCharsets.UTF_8.name(), subtype);
        return part;
    }
}
