package vn.motcua.notify;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.privacy.RetainedNotices;

/**
 * Retention's way into the outbox (privacy's port): the e-mails about a dossier or question whose period has ended
 * keep their row (when and whether it was sent) but lose the address, the subject and the text.
 */
@Component
class RetainedNoticesStore implements RetainedNotices {

    private final JdbcClient jdbc;

    RetainedNoticesStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void anonymiseDossierNotices(UUID dossierId) {
        jdbc.sql("update notification set recipient = :none, subject = :anonymous, body = '' where dossier_id = :id")
                .param("none", NO_ACCOUNT).param("anonymous", ANONYMOUS).param("id", dossierId).update();
    }

    @Override
    public void anonymiseQuestionNotices(UUID questionId) {
        jdbc.sql("update notification set recipient = :none, subject = :anonymous, body = '' where question_id = :id")
                .param("none", NO_ACCOUNT).param("anonymous", ANONYMOUS).param("id", questionId).update();
    }
}
