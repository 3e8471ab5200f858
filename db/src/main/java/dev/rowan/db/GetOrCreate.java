package dev.rowan.db;

/**
 * The result of {@link QuerySet#getOrCreate} and {@link QuerySet#updateOrCreate}.
 *
 * <pre>{@code
 * var r = Question.objects.all().getOrCreate(Q.of("questionText", "Hi?"), q -> q.pubDate = now);
 * if (r.created()) { ... }
 * }</pre>
 *
 * @param object  the row found or created
 * @param created whether it was created
 * @param <T>     the model
 */
public record GetOrCreate<T extends Model>(T object, boolean created) {
}
