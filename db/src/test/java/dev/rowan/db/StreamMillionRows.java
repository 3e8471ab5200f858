package dev.rowan.db;

import dev.rowan.db.polls.Choice;
import dev.rowan.db.polls.Question;
import java.util.stream.Stream;

/**
 * Run in a forked JVM with -Xmx256m by {@link StreamingMemoryTest}: fills a SQLite file with
 * 1,000,000 choices of 300 characters each (about 400 MB as objects) and streams them through the ORM.
 */
public final class StreamMillionRows {
    private StreamMillionRows() {
    }

    public static void main(String[] args) {
        try (Database db = Database.connect("sqlite:" + args[0])) {
            db.createTables(Question.META, Choice.META);
            db.execute("INSERT INTO polls_question (question_text, pub_date) VALUES ('Big?', '2026-01-01 00:00:00.000000')");
            db.execute("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 1000000) "
                    + "INSERT INTO polls_choice (question_id, choice_text, votes) SELECT 1, printf('%0300d', x), x % 7 FROM n");
            long count = 0;
            long votes = 0;
            long chars = 0;
            try (Stream<Choice> rows = Choice.objects.using(db).stream()) {
                for (Choice c : (Iterable<Choice>) rows::iterator) {
                    count++;
                    votes += c.votes;
                    chars += c.choiceText.length();
                }
            }
            System.out.println("rows=" + count + " votes=" + votes + " chars=" + chars);
        }
    }
}
