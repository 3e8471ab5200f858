package dev.rowan.examples.notes;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * Times as the pages show them: {@code 7 Dec 2026, 19:40 UTC}, in the zone of {@code notes.time-zone} and always
 * labelled with it, so a reader elsewhere can tell. The templates put the instant itself in the {@code datetime}
 * attribute of a {@code <time>} element (docs/decisions/note-times.md says why the server picks the zone).
 *
 * <pre>{@code
 * NoteTimes.in(ZoneId.of("Europe/Berlin")).show(note.createdAt());   // "7 Dec 2026, 20:40 CET"
 * }</pre>
 */
public final class NoteTimes {
    private final DateTimeFormatter shown;

    private NoteTimes(ZoneId zone) {
        // English month names: the pages are English (lang="en"), whatever the server's locale.
        this.shown = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm z", Locale.ENGLISH).withZone(Objects.requireNonNull(zone, "zone"));
    }

    /** Times shown in {@code zone}. */
    public static NoteTimes in(ZoneId zone) {
        return new NoteTimes(zone);
    }

    /** {@code instant} for people: day, month, year, hours and minutes, and the zone's short name. */
    public String show(Instant instant) {
        return shown.format(instant);
    }
}
