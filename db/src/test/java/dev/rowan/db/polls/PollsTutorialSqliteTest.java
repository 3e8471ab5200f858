package dev.rowan.db.polls;

import dev.rowan.db.testing.DbExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

class PollsTutorialSqliteTest extends PollsTutorialContract {
    @RegisterExtension
    static final DbExtension DB = DbExtension.sqlite().models(Question.META, Choice.META);
}
