package @@package@@;

import dev.rowan.core.App;
import dev.rowan.test.RowanTest;
import dev.rowan.test.TestClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@RowanTest
class @@class@@Test {
    static App app() {   // a fresh app for every test
        return @@class@@.app();
    }

    @Test
    void theHomePageHasTheTitleAndAForm(TestClient client) {
        var page = client.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("<h1>@@title@@</h1>").contains("<form");
    }

    @Test
    void aNameIsGreetedAndEscaped(TestClient client) {
        assertThat(client.get("/?name=Ada").text()).contains("Hello, Ada!");
        assertThat(client.get("/?name=%3Cscript%3E").text()).contains("Hello, &lt;script&gt;!").doesNotContain("<script>");
    }
}
