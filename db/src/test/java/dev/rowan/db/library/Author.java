package dev.rowan.db.library;

import dev.rowan.db.Fields;
import dev.rowan.db.Manager;
import dev.rowan.db.Model;
import dev.rowan.db.ModelMeta;
import dev.rowan.db.RelatedManager;
import java.lang.invoke.MethodHandles;
import java.time.LocalDate;

public final class Author extends Model {
    public static final ModelMeta<Author> META = ModelMeta.define(Author.class, Author::new, MethodHandles.lookup(),
            m -> m.app("library").ordering("name")
                    .field("name", Fields.charField(100).unique())
                    .field("born", Fields.date().nullable()));
    public static final Manager<Author> objects = Manager.of(META);

    public Long id;
    public String name;
    public LocalDate born;

    public RelatedManager<Book> books() {
        return reverse(Book.class, "author");
    }

    public static Author named(String name) {
        Author a = new Author();
        a.name = name;
        return a;
    }

    @Override
    public String toString() {
        return name;
    }
}
