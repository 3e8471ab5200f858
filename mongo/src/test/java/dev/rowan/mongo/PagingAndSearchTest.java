package dev.rowan.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import dev.rowan.core.App;
import dev.rowan.core.Config;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PagingAndSearchTest {
    public record Item(@BsonId ObjectId id, int n, String title) {
    }

    private Mongo mongo;
    private MongoCollection<Item> items;

    @BeforeEach
    void fill() {
        App app = App.create(Config.of(Map.of()));
        app.install(MongoModule.builder().embeddedInMemory().build());
        mongo = Mongo.of(app);
        items = mongo.collection("items", Item.class);
        List<Item> all = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            all.add(new Item(new ObjectId(), i, "item " + i));
        }
        items.insertMany(all);
    }

    @AfterEach
    void close() {
        mongo.close();
    }

    @Test
    void pagesBySkipAndLimitWithNumbers() {
        Page<Item> first = Page.of(items, Filters.empty(), Sorts.ascending("n"), 1, 10);
        assertThat(first.items()).extracting(Item::n).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(first.total()).isEqualTo(25);
        assertThat(first.pages()).isEqualTo(3);
        assertThat(first.hasPrevious()).isFalse();
        assertThat(first.hasNext()).isTrue();

        Page<Item> last = Page.of(items, Filters.empty(), Sorts.ascending("n"), 3, 10);
        assertThat(last.items()).extracting(Item::n).containsExactly(21, 22, 23, 24, 25);
        assertThat(last.hasNext()).isFalse();
        assertThat(last.previousNumber()).isEqualTo(2);
        assertThat(last.isOutOfRange()).isFalse();

        Page<Item> beyond = Page.of(items, Filters.empty(), Sorts.ascending("n"), 4, 10);
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.isOutOfRange()).isTrue();
    }

    @Test
    void anEmptyResultIsOnePageThatExists() {
        Page<Item> none = Page.of(items, Filters.eq("n", 999), Sorts.ascending("n"), 1, 10);
        assertThat(none.items()).isEmpty();
        assertThat(none.pages()).isEqualTo(1);
        assertThat(none.isOutOfRange()).isFalse();
    }

    @Test
    void keysetWalksEveryDocumentOnceNewestFirst() {
        List<Integer> seen = new ArrayList<>();
        Optional<ObjectId> after = Optional.empty();
        int slices = 0;
        do {
            Keyset<Item> slice = Keyset.newestFirst(items, Filters.empty(), after, 10, Item::id);
            slice.items().forEach(i -> seen.add(i.n()));
            after = slice.next();
            slices++;
        } while (after.isPresent());
        assertThat(slices).isEqualTo(3);
        assertThat(seen).hasSize(25).doesNotHaveDuplicates();
        assertThat(seen.get(0)).isEqualTo(25);
        assertThat(seen.get(24)).isEqualTo(1);
    }

    @Test
    void keysetOldestFirstWithAFilter() {
        Keyset<Item> slice = Keyset.oldestFirst(items, Filters.gt("n", 20), Optional.empty(), 3, Item::id);
        assertThat(slice.items()).extracting(Item::n).containsExactly(21, 22, 23);
        Keyset<Item> rest = Keyset.oldestFirst(items, Filters.gt("n", 20), slice.next(), 3, Item::id);
        assertThat(rest.items()).extracting(Item::n).containsExactly(24, 25);
        assertThat(rest.next()).isEmpty();
    }

    @Test
    void searchQuotesTheUsersTextAndIgnoresCase() {
        items.insertMany(List.of(new Item(new ObjectId(), 100, "Regex a.*b here"),
                new Item(new ObjectId(), 101, "(a+)+$ literally"),
                new Item(new ObjectId(), 102, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!"),
                new Item(new ObjectId(), 103, "ends with \\E.* odd"),
                new Item(new ObjectId(), 104, "HeLLo World")));
        assertThat(titles(".*")).containsExactly("Regex a.*b here", "ends with \\E.* odd");
        assertThat(titles("(a+)+$")).containsExactly("(a+)+$ literally");
        assertThat(titles("\\E.*")).containsExactly("ends with \\E.* odd");
        assertThat(titles("hello world")).containsExactly("HeLLo World");
        assertThat(titles("ITEM 2")).hasSize(7);      // item 2, item 20..25
        assertThat(titles("   ")).hasSize(30);
    }

    @Test
    void searchCoversSeveralFields() {
        items.insertOne(new Item(new ObjectId(), 200, "plain"));
        assertThat(items.find(Queries.containsIgnoreCase("PLAIN", "missing", "title")).into(new ArrayList<>())).hasSize(1);
    }

    private List<String> titles(String q) {
        return items.find(Queries.containsIgnoreCase(q, "title")).sort(Sorts.ascending("n")).map(Item::title).into(new ArrayList<>());
    }

}
