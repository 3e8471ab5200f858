package dev.rowan.db.polls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rowan.db.NotFound;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every query of Django's tutorial part 2 ("Playing with the API"), in order, on each database.
 * The docs guide (docs/topics/db.md) quotes this test.
 */
abstract class PollsTutorialContract {

    @Test
    void playingWithTheApi() {
        // No questions are in the system yet.
        assertThat(Question.objects.all().list()).isEmpty();

        // Create a new Question.
        Question q = new Question();
        q.questionText = "What's new?";
        q.pubDate = Instant.now();
        q.save();
        assertThat(q.id).isNotNull();

        // Access model field values via Java fields.
        assertThat(q.questionText).isEqualTo("What's new?");

        // Change values by changing the fields, then calling save().
        q.questionText = "What's up?";
        q.save();

        // all() displays all the questions in the database.
        assertThat(Question.objects.all().list()).extracting(Object::toString).containsExactly("What's up?");

        // Lookup by exact id and by field prefix.
        assertThat(Question.objects.filter("id", q.id).list()).extracting(x -> x.id).containsExactly(q.id);
        assertThat(Question.objects.filter("questionText__startswith", "What").list()).hasSize(1);

        // Get the question that was published this year.
        int currentYear = Instant.now().atZone(ZoneOffset.UTC).getYear();
        assertThat(Question.objects.get("pubDate__year", currentYear).id).isEqualTo(q.id);

        // Request an ID that doesn't exist: a typed exception.
        assertThatThrownBy(() -> Question.objects.get("id", q.id + 1))
                .isInstanceOf(NotFound.class).hasMessageContaining("polls.Question matching query does not exist");

        // Lookup by primary key.
        assertThat(Question.objects.get("pk", q.id).questionText).isEqualTo("What's up?");

        // Custom model methods work.
        Question q1 = Question.objects.get("pk", q.id);
        assertThat(q1.wasPublishedRecently()).isTrue();

        // The related choice set is empty so far.
        assertThat(q1.choices().all().list()).isEmpty();

        // Create three choices.
        q1.choices().create(c -> {
            c.choiceText = "Not much";
            c.votes = 0;
        });
        q1.choices().create(c -> {
            c.choiceText = "The sky";
            c.votes = 0;
        });
        Choice c = q1.choices().create(ch -> {
            ch.choiceText = "Just hacking again";
            ch.votes = 0;
        });

        // Choice objects have API access to their related Question objects.
        assertThat(c.question.get().questionText).isEqualTo("What's up?");

        // And vice versa: Question objects get access to Choice objects.
        assertThat(q1.choices().all().list()).extracting(Object::toString)
                .containsExactlyInAnyOrder("Not much", "The sky", "Just hacking again");
        assertThat(q1.choices().count()).isEqualTo(3);

        // The API follows relationships as far as you need: find all Choices for any question
        // whose pub_date is in this year.
        List<Choice> thisYear = Choice.objects.filter("question__pubDate__year", currentYear).list();
        assertThat(thisYear).hasSize(3);

        // Delete one of the choices.
        var justHacking = q1.choices().filter("choiceText__startswith", "Just hacking");
        assertThat(justHacking.delete()).isEqualTo(1);
        assertThat(q1.choices().count()).isEqualTo(2);
    }

    @Test
    void typedMetamodelMatchesStringPaths() {
        Question q = Question.objects.create(x -> {
            x.questionText = "Typed?";
            x.pubDate = Instant.parse("2026-03-04T05:06:07Z");
        });
        q.choices().create(c -> c.choiceText = "Yes");
        assertThat(Question.objects.filter(Question_.pubDate.lte(Instant.now())).list()).hasSize(1);
        assertThat(Choice.objects.filter(Choice_.question.then(Question_.pubDate).year().eq(2026)).count()).isEqualTo(1);
        assertThat(Choice.objects.filter(Choice_.question.eq(dev.rowan.db.Ref.to(q))).count()).isEqualTo(1);
        assertThat(Question.objects.filter(Question_.choice.then(Choice_.choiceText).eq("Yes")).flatList("id", Long.class)).containsExactly(q.id);
        assertThat(Question.objects.filter(Question_.choice.then(Choice_.votes).gt(0)).exists()).isFalse();
    }
}
