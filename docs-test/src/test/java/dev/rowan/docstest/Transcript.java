package dev.rowan.docstest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * A {@code $ curl ...} line of a page's console block and the output the page shows under it.
 * {@link #check} sends the same request and fails unless every shown line appears in the answer, in
 * order ({@code ...} skips lines). With {@code -i} the shown status line is compared by its code and
 * shown header lines must be among the response's headers.
 *
 * <p>Understood: {@code -s}, {@code -i}, {@code -X METHOD}, {@code -H 'Name: value'}, {@code -d 'body'}
 * (sent as a form, as curl does), and the URL, single- or double-quoted or bare.
 */
record Transcript(String command, List<String> expected) {

    /** Every curl command of the page's {@code console} blocks, with the output shown under it. */
    static List<Transcript> of(Markdown page) {
        List<Transcript> all = new ArrayList<>();
        for (Markdown.Block b : page.blocks()) {
            if (!b.language().equals("console")) {
                continue;
            }
            String command = null;
            List<String> shown = new ArrayList<>();
            for (String line : b.text().lines().toList()) {
                if (line.startsWith("$ ")) {
                    if (command != null) {
                        all.add(new Transcript(command, List.copyOf(shown)));
                    }
                    command = line.startsWith("$ curl ") ? line.substring(2) : null;
                    shown.clear();
                } else if (command != null) {
                    shown.add(line);
                }
            }
            if (command != null) {
                all.add(new Transcript(command, List.copyOf(shown)));
            }
        }
        return all;
    }

    /** Sends the request, with {@code localhost:8000} replaced by {@code rebase}, and compares. */
    void check(HttpClient client, UnaryOperator<String> rebase) throws IOException, InterruptedException {
        List<String> args = words(command);
        boolean include = false;
        String method = null;
        String data = null;
        String url = null;
        HttpRequest.Builder request = HttpRequest.newBuilder();
        boolean contentType = false;
        for (int i = 1; i < args.size(); i++) {
            switch (args.get(i)) {
                case "-s" -> { }
                case "-i" -> include = true;
                case "-X" -> method = args.get(++i);
                case "-d" -> data = args.get(++i);
                case "-H" -> {
                    String[] h = args.get(++i).split(":\\s*", 2);
                    contentType |= h[0].equalsIgnoreCase("Content-Type");
                    request.header(h[0], h[1]);
                }
                default -> url = args.get(i);
            }
        }
        if (url == null) {
            throw new AssertionError("No URL in: " + command);
        }
        if (data != null && !contentType) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        String verb = method != null ? method : data != null ? "POST" : "GET";
        String target = rebase.apply(url.startsWith("http") ? url : "http://" + url);
        request.uri(URI.create(target)).method(verb, data == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(data));
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        compare(response, include);
    }

    private void compare(HttpResponse<String> response, boolean include) {
        List<String> shown = new ArrayList<>(expected);
        while (!shown.isEmpty() && shown.getLast().isBlank()) {
            shown.removeLast();
        }
        String actual = describe(response);
        if (include) {
            if (shown.isEmpty() || !shown.getFirst().startsWith("HTTP/")) {
                throw new AssertionError(command + ": with -i the page must show the status line first");
            }
            String code = shown.getFirst().split(" ")[1];
            if (!code.equals(String.valueOf(response.statusCode()))) {
                throw new AssertionError(command + ": the page shows " + shown.getFirst() + ", the app answered:\n" + actual);
            }
            shown.removeFirst();
            while (!shown.isEmpty() && !shown.getFirst().isBlank() && !skip(shown.getFirst())) {
                String[] h = shown.removeFirst().split(":\\s*", 2);
                if (!response.headers().allValues(h[0].toLowerCase(Locale.ROOT)).contains(h[1])) {
                    throw new AssertionError(command + ": the page shows the header '" + h[0] + ": " + h[1] + "', the app answered:\n" + actual);
                }
            }
            if (!shown.isEmpty() && shown.getFirst().isBlank()) {
                shown.removeFirst();
            }
        }
        List<String> body = response.body().lines().toList();
        int at = 0;
        for (String line : shown) {
            if (skip(line)) {
                continue;
            }
            while (at < body.size() && !body.get(at).strip().equals(line.strip())) {
                at++;
            }
            if (at == body.size()) {
                throw new AssertionError(command + ": the page shows the line\n  " + line + "\nwhich the app's answer does not have (in this order):\n" + actual);
            }
            at++;
        }
    }

    /** A shown line of {@code ...}: the output there is left out. */
    private static boolean skip(String line) {
        return line.strip().equals("...") || line.strip().equals("…");
    }

    private static String describe(HttpResponse<String> r) {
        StringBuilder s = new StringBuilder("HTTP " + r.statusCode() + "\n");
        r.headers().map().forEach((k, v) -> v.forEach(value -> s.append(k).append(": ").append(value).append('\n')));
        return s.append('\n').append(r.body()).toString();
    }

    /** Splits a shell line into words, honouring single and double quotes. */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
