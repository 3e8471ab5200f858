package dev.rowan.test;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test class for a Rowan app: test methods may take a {@link TestClient} (and the {@code App})
 * as parameters. The app comes from a method {@code app()} returning {@code App} (called for every
 * test, so each test gets a fresh app) or from a single {@code App} field (shared); mark another
 * member with {@link TestApp} to choose it. Every test gets its own client with an empty cookie jar.
 *
 * <pre>{@code
 * @RowanTest
 * class HelloTest {
 *     static App app() {
 *         return App.create().get("/", ctx -> ctx.text("Hello, Rowan"));
 *     }
 *
 *     @Test
 *     void saysHello(TestClient client) {
 *         assertThat(client.get("/").text()).isEqualTo("Hello, Rowan");
 *     }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(RowanExtension.class)
public @interface RowanTest {
    /** True to serve the app on a real loopback socket instead of calling it in memory. */
    boolean overSocket() default false;

    /** Whether clients follow redirects. */
    boolean followRedirects() default false;
}
