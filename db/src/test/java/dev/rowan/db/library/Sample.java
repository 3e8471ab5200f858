package dev.rowan.db.library;

import dev.rowan.db.Constraint;
import dev.rowan.db.Fields;
import dev.rowan.db.Manager;
import dev.rowan.db.Model;
import dev.rowan.db.ModelMeta;
import dev.rowan.db.Q;
import java.lang.invoke.MethodHandles;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/** One field of every type, for round trips. */
public final class Sample extends Model {
    public enum Color { RED, GREEN }

    public static final ModelMeta<Sample> META = ModelMeta.define(Sample.class, Sample::new, MethodHandles.lookup(),
            m -> m.app("library")
                    .field("chars", Fields.charField(20).nullable())
                    .field("text", Fields.text().nullable())
                    .field("small", Fields.smallInt().nullable())
                    .field("integer", Fields.integer().nullable())
                    .field("big", Fields.bigInt().nullable())
                    .field("flag", Fields.bool().nullable())
                    .field("amount", Fields.decimal(10, 3).nullable())
                    .field("ratio", Fields.floatField().nullable())
                    .field("precise", Fields.doubleField().nullable())
                    .field("day", Fields.date().nullable())
                    .field("moment", Fields.dateTime().nullable())
                    .field("clock", Fields.time().nullable())
                    .field("span", Fields.duration().nullable())
                    .field("uid", Fields.uuid().nullable())
                    .field("email", Fields.email().nullable())
                    .field("link", Fields.url().nullable())
                    .field("slug", Fields.slug().nullable())
                    .field("data", Fields.json().nullable())
                    .field("blob", Fields.binary().nullable())
                    .field("color", Fields.enumField(Color.class).nullable())
                    // makes fullClean bind a value of every column type in its check query
                    .constraint(Constraint.check("library_sample_amount_gte_0", Q.of("amount__gte", BigDecimal.ZERO))));
    public static final Manager<Sample> objects = Manager.of(META);

    public Long id;
    public String chars;
    public String text;
    public Short small;
    public Integer integer;
    public Long big;
    public Boolean flag;
    public BigDecimal amount;
    public Float ratio;
    public Double precise;
    public LocalDate day;
    public Instant moment;
    public LocalTime clock;
    public Duration span;
    public UUID uid;
    public String email;
    public String link;
    public String slug;
    public String data;
    public byte[] blob;
    public Color color;
}
