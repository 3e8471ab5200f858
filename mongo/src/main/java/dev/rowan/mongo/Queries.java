package dev.rowan.mongo;

import com.mongodb.client.model.Filters;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Filters people write by hand and often get wrong. Search uses {@code $regex} rather than {@code $text}, so it works
 * the same on MongoDB and on the in-process server, and the user's text is quoted first: {@code .*} or
 * {@code (a+)+$} match those characters literally and cannot make the regex engine backtrack.
 *
 * <pre>{@code
 * Bson filter = Queries.containsIgnoreCase(ctx.query("q").asString(""), "title", "body");
 * }</pre>
 */
public final class Queries {
    private Queries() {
    }

    /** Documents where any of {@code fields} contains {@code text}, ignoring case; every document when text is blank. */
    public static Bson containsIgnoreCase(String text, String... fields) {
        if (fields.length == 0) {
            throw new IllegalArgumentException("Name at least one field to search in");
        }
        if (text.isBlank()) {
            return Filters.empty();
        }
        String quoted = Pattern.quote(text.strip());
        List<Bson> each = new ArrayList<>();
        for (String field : fields) {
            each.add(Filters.regex(field, quoted, "i"));
        }
        return each.size() == 1 ? each.get(0) : Filters.or(each);
    }
}
