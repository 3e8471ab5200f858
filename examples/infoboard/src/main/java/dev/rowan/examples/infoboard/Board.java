package dev.rowan.examples.infoboard;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns what the cache knows into the page's model and status. */
final class Board {
    private Board() {
    }

    /** A row of the rates table. */
    public record Row(String currency, String rate) {
    }

    static int status(RatesCache.View view) {
        return view.data().isPresent() ? 200 : 503;
    }

    static Map<String, Object> model(RatesCache.View view, Instant now, Duration ttl, boolean sample) {
        Map<String, Object> model = new HashMap<>();
        model.put("sample", sample);
        model.put("refreshing", view.refreshing());
        view.failure().ifPresent(f -> model.put("problem", f.result().detail()));
        view.data().ifPresent(snapshot -> {
            Rates r = snapshot.rates();
            model.put("base", r.base());
            model.put("date", r.date().toString());
            model.put("rows", rows(r));
            model.put("age", age(Duration.between(snapshot.fetchedAt(), now)));
            model.put("stale", !now.isBefore(snapshot.fetchedAt().plus(ttl)));
        });
        return model;
    }

    private static List<Row> rows(Rates r) {
        return r.rates().entrySet().stream().map(e -> new Row(e.getKey(), e.getValue().toPlainString())).toList();
    }

    /** "just now", "1 minute ago", "3 minutes ago", "2 hours ago", "3 days ago". */
    static String age(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        if (minutes < 1) {
            return "just now";
        }
        if (minutes < 60) {
            return plural(minutes, "minute") + " ago";
        }
        long hours = minutes / 60;
        return hours < 48 ? plural(hours, "hour") + " ago" : plural(hours / 24, "day") + " ago";
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
