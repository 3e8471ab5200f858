package dev.rowan.forms;

import dev.rowan.core.App;
import dev.rowan.core.Config;
import dev.rowan.core.UploadedFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** form.bind(ctx) from URL-encoded, multipart and JSON bodies, through real sockets; bindJson from a map. */
class BindingTest {
    static final Field<String> TITLE = Fields.text("title");
    static final Field<Integer> VOTES = Fields.integer("votes");
    static final Field<BigDecimal> PRICE = Fields.decimal("price");
    static final Field<Boolean> OPEN = Fields.checkbox("open");
    static final Field<List<String>> TAGS = Fields.multipleChoice("tags", Choice.of("a", "A"), Choice.of("b", "B"));
    static final Field<Optional<UploadedFile>> DOC = Fields.file("doc", Validators.maxFileSize(100)).optional();

    static final String BOUNDARY = "XyZ";
    static final String MULTIPART = "multipart/form-data; boundary=" + BOUNDARY;

    App app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
    }

    private Browser start() {
        app = App.create(Config.of(Map.of()));
        app.install(CsrfProtection.create().exemptPaths("/"));
        app.post("/bind", ctx -> {
            Form form = Form.of(TITLE, VOTES, PRICE, OPEN, TAGS, DOC).bind(ctx);
            if (!form.isValid()) {
                ctx.status(400).text(form.errors().toString());
                return;
            }
            String doc = form.value(DOC).map(f -> {
                try (InputStream in = f.open()) {
                    return f.filename() + "=" + new String(in.readAllBytes(), StandardCharsets.UTF_8);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).orElse("-");
            ctx.text(form.value(TITLE) + "|" + form.value(VOTES) + "|" + form.value(PRICE) + "|" + form.value(OPEN)
                    + "|" + form.value(TAGS) + "|" + doc);
        });
        app.post("/query", ctx -> ctx.text(String.valueOf(Form.of(TITLE).bindQuery(ctx).find(TITLE).orElse("-"))));
        app.start(0);
        return new Browser(app);
    }

    @Test
    void urlEncoded() throws Exception {
        Browser b = start();
        var r = b.send("POST", "/bind", "title=Hello+%26+bye&votes=3&price=0.10&open=on&tags=b&tags=a",
                "application/x-www-form-urlencoded");
        assertThat(r.body()).isEqualTo("Hello & bye|3|0.10|true|[b, a]|-");
    }

    @Test
    void multipartWithAFile() throws Exception {
        Browser b = start();
        var r = b.send("POST", "/bind", multipartWithDoc("Content-Type: text/plain\r\n", "file body"), MULTIPART);
        assertThat(r.body()).isEqualTo("Up|1|2|false|[a]|a.txt=file body");
    }

    @Test
    void multipartFileOverTheFieldLimitIsAFieldError() throws Exception {
        Browser b = start();
        var r = b.send("POST", "/bind", multipartWithDoc("", "x".repeat(101)), MULTIPART);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("doc=[The file is too large: 101 bytes; the limit is 100.]");
    }

    @Test
    void json() throws Exception {
        Browser b = start();
        var r = b.send("POST", "/bind", "{\"title\":\"J\",\"votes\":7,\"price\":1.25,\"open\":true,\"tags\":[\"a\",\"b\"]}",
                "application/json");
        assertThat(r.body()).isEqualTo("J|7|1.25|true|[a, b]|-");
        var bad = b.send("POST", "/bind", "{\"title\":null,\"votes\":7.5,\"price\":{},\"tags\":[]}", "application/json");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("title=[This field is required.]").contains("votes=[Enter a whole number.]")
                .contains("price=[Send a single value here, not a JSON object.]").contains("tags=[This field is required.]");
    }

    @Test
    void queryStringIsNotBoundByBindButByBindQuery() throws Exception {
        Browser b = start();
        assertThat(b.send("POST", "/bind?title=q", "votes=1", "application/x-www-form-urlencoded").body())
                .contains("title=[This field is required.]");
        assertThat(b.send("POST", "/query?title=q", "", "").body()).isEqualTo("q");
    }

    @Test
    void bindJsonFromAMap() {
        Form form = Form.of(TITLE, VOTES, OPEN).bindJson(Map.of("title", "T", "votes", 2, "open", false));
        assertThat(form.isValid()).isTrue();
        assertThat(form.value(VOTES)).isEqualTo(2);
        assertThat(form.value(OPEN)).isFalse();
    }

    /** Valid title, votes, price and tags, then the file a.txt as doc with {@code docHeaders} and {@code content}. */
    private static String multipartWithDoc(String docHeaders, String content) {
        return part("title", "Up") + part("votes", "1") + part("price", "2") + part("tags", "a")
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"doc\"; filename=\"a.txt\"\r\n"
                + docHeaders + "\r\n" + content + "\r\n--" + BOUNDARY + "--\r\n";
    }

    private static String part(String name, String value) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }
}
