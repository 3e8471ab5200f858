package dev.rowan.examples.notes;

import dev.rowan.core.TrustedHtml;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.types.ObjectId;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One note as stored in the {@code notes} collection; the driver's record codec maps it ({@code id} is {@code _id}).
 * {@code version} starts at 1 and grows by one on every edit: an edit names the version it started from, and is
 * refused when the note changed since (see {@link NoteStore#update}).
 */
public record Note(@BsonId ObjectId id, String title, String body, List<String> tags, Instant createdAt,
                   Instant updatedAt, long version) {

    /** The note for the JSON API: the id as hex text, times as ISO-8601. */
    public Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id.toHexString());
        out.put("title", title);
        out.put("body", body);
        out.put("tags", tags);
        out.put("createdAt", createdAt.toString());
        out.put("updatedAt", updatedAt.toString());
        out.put("version", version);
        return out;
    }

    /**
     * The body for a page: escaped, each line break (LF, CR LF or CR) a {@code <br>}, so the lines survive in any
     * layout, whatever its stylesheet. Nothing of the body itself becomes markup.
     */
    public TrustedHtml bodyHtml() {
        return TrustedHtml.of(TrustedHtml.escape(body).replaceAll("\\r\\n|\\r|\\n", "<br>"));
    }

    /** The tags as one line for the edit form: {@code work, ideas}. */
    public String tagsText() {
        return String.join(", ", tags);
    }
}
