package vn.motcua.questions.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.platform.api.ApiException;
import vn.motcua.questions.QuestionState;

/**
 * The asker's own follow-up without an account: the question code and the last four digits of the contact phone
 * (checked by the caller under the tracking throttle, like a dossier's). What it shows is decided in the web layer.
 */
@Service
@Transactional
public class QuestionFollowUp {

    private final QuestionStore store;
    private final QuestionService questions;

    QuestionFollowUp(QuestionStore store, QuestionService questions) {
        this.store = store;
        this.questions = questions;
    }

    /** 400 unless a plausible code and four digits; then the question, or empty for a wrong pair or an unknown code. */
    @Transactional(readOnly = true)
    public Optional<Question> find(String code, String phoneLast4) {
        if (code == null || !code.strip().matches("(?i)PAKN-\\d{6}-\\d{4,6}") || phoneLast4 == null
                || !phoneLast4.strip().matches("\\d{4}")) {
            throw ApiException.badRequest("questions.followUp.input");
        }
        return store.findByCode(code.strip().toUpperCase(Locale.ROOT))
                .filter(q -> phoneLast4.strip().equals(QuestionDossiers.last4(q.contact().phone())));
    }

    /** What the agency asked for, while the question awaits it (the latest request), else null. */
    @Transactional(readOnly = true)
    public String informationRequested(Question q) {
        if (q.state() != QuestionState.AWAITING_INFORMATION) {
            return null;
        }
        List<QuestionStore.Event> events = store.events(q.id());
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).type().equals("INFORMATION_REQUESTED")) {
                return events.get(i).reason();
            }
        }
        return null;
    }

    /** The asker supplies the information asked for (409 in any other state). */
    public Question supply(Question q, String text) {
        return questions.supplementAsContact(q.id(), text, Who.ANONYMOUS);
    }
}
