package dev.rowan.forms;

import dev.rowan.core.App;
import dev.rowan.core.Config;
import dev.rowan.templates.TemplatesModule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.rowan.forms.Validators.maxLength;
import static org.assertj.core.api.Assertions.assertThat;

/** Runs the examples of docs/topics/forms.md through real sockets and checks the page shows exactly this code. */
class DocsExampleTest {
    private static final Path DOC = Path.of("../docs/topics/forms.md");
    private static final Path SELF = Path.of("src/test/java/dev/rowan/forms/DocsExampleTest.java");
    App app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
    }

    // doc:form:start
    public static final class ContactForm extends Form {
        public static final Field<String> NAME = Fields.text("name", maxLength(100));
        public static final Field<String> EMAIL = Fields.email("email").label("Your e-mail");
        public static final Field<String> MESSAGE = Fields.text("message").textarea();
        public static final Field<Boolean> COPY = Fields.checkbox("copy").label("Send me a copy");

        public ContactForm() {
            super(NAME, EMAIL, MESSAGE, COPY);
        }

        @Override
        protected void clean() {    // runs once every field is valid
            if (value(MESSAGE).length() < 10 && !value(COPY)) {
                addError(MESSAGE, "Tell us a little more.");
            }
        }
    }
    // doc:form:end

    static final List<String> sent = new java.util.ArrayList<>();

    private App contactApp() {
        // doc:app:start
        App app = App.create();
        app.install(TemplatesModule.create());
        app.install(CsrfProtection.create());

        app.get("/contact", ctx -> ctx.render("contact.html", Map.of("form", new ContactForm())));
        app.post("/contact", ctx -> {
            ContactForm form = new ContactForm();
            if (form.bind(ctx).isValid()) {
                sent.add(form.value(ContactForm.EMAIL) + ": " + form.value(ContactForm.MESSAGE));
                ctx.session().flash(dev.rowan.core.Session.Flash.Level.SUCCESS, "Thanks!");
                ctx.redirect("/contact");
            } else {
                ctx.status(400).render("contact.html", Map.of("form", form));
            }
        });
        // doc:app:end
        return app;
    }

    @Test
    void contactFormRoundTrip() throws Exception {
        app = contactApp();
        assertThat(app.config().isTest()).isTrue();
        app.start(0);
        Browser b = new Browser(app);
        Browser.Response page = b.get("/contact");
        assertThat(page.body()).contains("<label for=\"id_email\">Your e-mail</label>")
                .contains("<textarea name=\"message\" id=\"id_message\" required>");
        String token = page.token();

        Browser.Response invalid = b.post("/contact", Map.of("_csrf", token, "name", "Ada <3", "email", "nope",
                "message", "Hi"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("value=\"Ada &lt;3\"").contains("Enter a valid e-mail address.");

        Browser.Response shortOne = b.post("/contact", Map.of("_csrf", invalid.token(), "name", "Ada",
                "email", "ada@example.com", "message", "Hi"));
        assertThat(shortOne.body()).contains("Tell us a little more.");

        Browser.Response ok = b.post("/contact", Map.of("_csrf", shortOne.token(), "name", "Ada",
                "email", "ada@example.com", "message", "Hi", "copy", "on"));
        assertThat(ok.status()).isEqualTo(302);
        assertThat(sent).contains("ada@example.com: Hi");
    }

    @Test
    void docShowsTheExamplesVerbatim() throws IOException {
        String doc = Files.readString(DOC);
        assertThat(doc).contains(example("form", "    ")).contains(example("app", "        "));
    }

    private static String example(String name, String indent) throws IOException {
        String source = Files.readString(SELF);
        String start = "// doc:" + name + ":start\n";
        String body = source.substring(source.indexOf(start) + start.length(), source.indexOf(indent + "// doc:" + name + ":end"));
        return Arrays.stream(body.split("\n")).map(l -> l.startsWith(indent) ? l.substring(indent.length()) : l)
                .collect(Collectors.joining("\n"));
    }
}
