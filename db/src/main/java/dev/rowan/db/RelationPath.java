package dev.rowan.db;

/**
 * A {@link Path} that ends at a relation, so it can be followed into the related model. Both ends
 * are typed: {@code then} only accepts paths that start at the related model, so following a
 * relation into the wrong model does not compile.
 *
 * <pre>{@code
 * Choice.objects.filter(Choice_.question.then(Question_.pubDate).year().eq(2026));
 * Author.objects.filter(Author_.books.then(Book_.tags).then(Tag_.name).eq("sf"));
 * Choice.objects.filter(Choice_.question.eq(Ref.to(question)));
 * }</pre>
 *
 * @param <M> the model the path starts at
 * @param <R> the related model at the end of the path
 */
public final class RelationPath<M extends Model, R extends Model> extends Path<M, Ref<R>> {
    RelationPath(String path) {
        super(path);
    }

    /** Follows the relation to a field of the related model: {@code Choice_.question.then(Question_.pubDate)}. */
    public <W> Path<M, W> then(Path<R, W> next) {
        return Path.of(path() + "__" + next.path());
    }

    /** Follows the relation to a further relation: {@code Review_.book.then(Book_.author)}. */
    public <S extends Model> RelationPath<M, S> then(RelationPath<R, S> next) {
        return Path.relation(path() + "__" + next.path());
    }
}
