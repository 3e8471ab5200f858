package dev.rowan.db.polls;

import dev.rowan.db.testing.DbExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

class PollsTutorialPostgresTest extends PollsTutorialContract {
    @RegisterExtension
    static final DbExtension DB = DbExtension.postgresql().models(Question.META, Choice.META);
}
