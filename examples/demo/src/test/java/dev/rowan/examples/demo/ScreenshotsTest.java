package dev.rowan.examples.demo;

import dev.rowan.core.App;
import dev.rowan.core.Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Every page of the demo in a real headless Chromium, at a phone's width (390 x 844) and a laptop's
 * (1366 x 900). Each page must fit the phone without sideways scrolling, show its heading, align each
 * table header like the column under it, and keep its text at a readable size; a text box must span its form and
 * show 8 lines, tags must not touch, and a note body must show as many lines as it has. The screenshots stay in {@code target/screenshots/} for a person to look at.
 *
 * <p>Needs {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (Debian: {@code apt-get install
 * chromium chromium-driver}); skipped with a message without them, except under {@code CI=true},
 * where they are required.
 */
@Timeout(180)
class ScreenshotsTest {
    static final Path SHOTS = Path.of("target", "screenshots");
    private static final HttpClient http = HttpClient.newHttpClient();
    private static App app;
    private static String noteId;

    /** Every page a visitor can reach, with a name for its screenshot. */
    private record Page(String name, String path) {
    }

    private static List<Page> pages() {
        return List.of(new Page("home", "/"),
                new Page("converter", "/converter/"),
                new Page("converter-result", "/converter/?value=100&from=C&to=K"),
                new Page("converter-error", "/converter/?value=abc&from=F&to=C"),
                new Page("csv2xlsx", "/csv2xlsx/"),
                new Page("infoboard", "/infoboard/"),
                new Page("notes", "/notes/"),
                new Page("notes-new", "/notes/new"),
                new Page("note", "/notes/" + noteId),
                new Page("note-edit", "/notes/" + noteId + "/edit"),
                new Page("note-delete", "/notes/" + noteId + "/delete"),
                new Page("not-found", "/no-such-page"));
    }

    @BeforeAll
    static void start() throws Exception {
        boolean installed = Files.isExecutable(WebDriver.CHROMIUM) && Files.isExecutable(WebDriver.CHROMEDRIVER);
        String missing = "Chromium and chromedriver are not both installed at " + WebDriver.CHROMIUM + " and "
                + WebDriver.CHROMEDRIVER + " (apt-get install -y chromium chromium-driver)";
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(missing + ", and CI=true requires the screenshot test");
        }
        if (!installed) {
            // Surefire counts a class skipped in @BeforeAll as zero tests and shows no reason; say it here.
            System.out.println("ScreenshotsTest skipped: " + missing);
        }
        assumeThat(installed).as(missing + "; the screenshot test is skipped").isTrue();
        app = DemoSite.create(Config.of(Map.of("mongodb.embedded-file", "memory"))).start(0);
        noteId = createNote();
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.stop();
        }
    }

    @Test
    void everyPageFitsAPhoneWithoutSidewaysScrolling() throws Exception {
        List<String> problems = visitAll(390, 844, true, "phone");
        assertThat(problems).isEmpty();
    }

    @Test
    void everyPageRendersAtDesktopWidth() throws Exception {
        List<String> problems = visitAll(1366, 900, false, "desktop");
        assertThat(problems).isEmpty();
    }

    private List<String> visitAll(int width, int height, boolean phone, String label) throws Exception {
        List<String> problems = new ArrayList<>();
        try (WebDriver driver = WebDriver.start(); WebDriver.Session browser = driver.session(width, height, phone)) {
            for (Page page : pages()) {
                browser.open(url(page.path()));
                Files.write(SHOTS.resolve(page.name() + "-" + label + ".png"), browser.screenshot());
                problems.addAll(check(browser, page, width));
            }
        }
        return problems;
    }

    /** What a person would notice: sideways scrolling, no heading, text too small to read. */
    private static List<String> check(WebDriver.Session browser, Page page, int width) throws Exception {
        List<String> problems = new ArrayList<>();
        long viewport = number(browser.script("return window.innerWidth;"));
        long content = number(browser.script("return document.documentElement.scrollWidth;"));
        if (viewport != width) {
            problems.add(page.name() + ": the viewport is " + viewport + " px wide, not " + width);
        }
        if (content > viewport) {
            Object wide = browser.script("return [...document.querySelectorAll('body *')]"
                    + ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)"
                    + ".map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '')).slice(0, 5).join(', ');");
            problems.add(page.name() + ": " + content + " px of content in a " + viewport + " px viewport (too wide: " + wide + ")");
        }
        Object heading = browser.script("const h = document.querySelector('h1'); return h ? h.textContent.trim() : '';");
        if (String.valueOf(heading).isEmpty()) {
            problems.add(page.name() + ": no <h1> heading");
        }
        Object misaligned = browser.script("return [...document.querySelectorAll('table')].flatMap(t => {"
                + " const heads = [...t.querySelectorAll('thead th')], cells = [...(t.querySelector('tbody tr')?.cells ?? [])];"
                + " return heads.filter((h, i) => cells[i] && getComputedStyle(h).textAlign !== getComputedStyle(cells[i]).textAlign)"
                + ".map(h => h.textContent.trim()); }).join(', ');");
        if (!String.valueOf(misaligned).isEmpty()) {
            problems.add(page.name() + ": table headers aligned unlike their columns: " + misaligned);
        }
        long smallest = number(browser.script("return Math.min(...[...document.querySelectorAll('body *')]"
                + ".filter(e => e.childNodes.length && [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))"
                + ".map(e => parseFloat(getComputedStyle(e).fontSize)));"));
        if (smallest < 12) {
            problems.add(page.name() + ": text as small as " + smallest + " px");
        }
        problems.addAll(formsAndNotes(browser, page));
        return problems;
    }

    /** A text box too small to write in, tags that read as one word, a note's lines shown as one. */
    private static List<String> formsAndNotes(WebDriver.Session browser, Page page) throws Exception {
        List<String> problems = new ArrayList<>();
        Object cramped = browser.script("return [...document.querySelectorAll('textarea')].filter(t =>"
                + " t.getBoundingClientRect().width < t.form.getBoundingClientRect().width * 0.95"
                + " || t.getBoundingClientRect().height < 8 * parseFloat(getComputedStyle(t).lineHeight)).map(t => t.name).join(', ');");
        if (!String.valueOf(cramped).isEmpty()) {
            problems.add(page.name() + ": text boxes narrower than their form or under 8 lines tall: " + cramped);
        }
        Object touching = browser.script("const tags = [...document.querySelectorAll('.tag')].map(t => t.getBoundingClientRect());"
                + " return tags.filter((r, i) => i > 0 && Math.abs(r.top - tags[i - 1].top) < 1 && r.left - tags[i - 1].right < 3).length;");
        if (number(touching) > 0) {
            problems.add(page.name() + ": " + number(touching) + " tags touch the one before them");
        }
        Object collapsed = browser.script("return [...document.querySelectorAll('.note-body')].filter(b =>"
                + " b.getBoundingClientRect().height < (b.querySelectorAll('br').length + (b.textContent.match(/\\n/g) || []).length + 1)"
                + " * parseFloat(getComputedStyle(b).lineHeight) - 1).length;");
        if (number(collapsed) > 0) {
            problems.add(page.name() + ": a note body shows fewer lines than it has");
        }
        return problems;
    }

    private static long number(Object value) {
        return Math.round(((Number) value).doubleValue());
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + app.port() + path;
    }

    /** A note with two tags and a body of two lines, so the notes pages show what notes look like. */
    private static String createNote() throws IOException, InterruptedException {
        String json = "{\"title\":\"Groceries for the weekend\",\"body\":\"Apples, bread and cheese.\\nAsk about the market on Sunday.\","
                + "\"tags\":[\"home\",\"shopping\"]}";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url("/notes/api/notes")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return r.body().replaceAll("(?s).*\"id\"\\s*:\\s*\"([0-9a-f]{24})\".*", "$1");
    }
}
