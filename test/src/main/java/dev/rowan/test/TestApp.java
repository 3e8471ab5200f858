package dev.rowan.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the method or field that gives {@link RowanExtension} the app under test, when the
 * conventional {@code app()} method or a single {@code App} field is not what you want.
 *
 * <pre>{@code
 * @TestApp
 * static App polls() { return PollsApp.create(Config.of(Map.of())); }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.FIELD})
public @interface TestApp {
}
