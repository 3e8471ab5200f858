package dev.rowan.db.library;

import dev.rowan.db.Constraint;
import dev.rowan.db.Fields;
import dev.rowan.db.Manager;
import dev.rowan.db.Model;
import dev.rowan.db.ModelMeta;
import dev.rowan.db.OnDelete;
import dev.rowan.db.Q;
import dev.rowan.db.Ref;
import dev.rowan.db.RelatedManager;
import java.lang.invoke.MethodHandles;
import java.math.BigDecimal;
import java.time.LocalDate;

public final class Book extends Model {
    public static final ModelMeta<Book> META = ModelMeta.define(Book.class, Book::new, MethodHandles.lookup(),
            m -> m.app("library")
                    .field("title", Fields.charField(200))
                    .field("author", Fields.foreignKey(Author.class, OnDelete.CASCADE).relatedName("books"))
                    .field("editor", Fields.foreignKey(Author.class, OnDelete.SET_NULL).nullable().relatedName("edited"))
                    .field("pages", Fields.integer().nullable())
                    .field("price", Fields.decimal(8, 2).defaultValue(BigDecimal.ZERO))
                    .field("published", Fields.date().nullable())
                    .field("tags", Fields.manyToMany(Tag.class).relatedName("books"))
                    .constraint(Constraint.unique("library_book_author_title_uniq", "author", "title"))
                    .constraint(Constraint.check("library_book_pages_gte_0", Q.of("pages__gte", 0))));
    public static final Manager<Book> objects = Manager.of(META);

    public Long id;
    public String title;
    public Ref<Author> author;
    public Ref<Author> editor;
    public Integer pages;
    public BigDecimal price;
    public LocalDate published;

    public RelatedManager<Tag> tags() {
        return many("tags");
    }

    public RelatedManager<Review> reviews() {
        return reverse(Review.class, "book");
    }

    public static Book of(String title, Author author, Integer pages) {
        Book b = new Book();
        b.title = title;
        b.author = Ref.to(author);
        b.pages = pages;
        return b;
    }

    @Override
    public String toString() {
        return title;
    }
}
