package dev.rowan.db.polls;

import dev.rowan.db.testing.DbExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

class PollsTutorialMariaDbTest extends PollsTutorialContract {
    @RegisterExtension
    static final DbExtension DB = DbExtension.mariadb().models(Question.META, Choice.META);
}
