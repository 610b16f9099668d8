package vn.motcua.questions;

import java.time.Instant;
import java.util.List;

/**
 * The published answers, as the public sees them (the texts an officer confirmed, personal data hidden), for modules
 * that index them — the citizen assistant adds them to the procedures they are about. A Spring bean; read it again
 * after a {@link QuestionStateChanged} of type {@code PUBLISHED}.
 */
public interface PublishedAnswers {

    /** One published question and answer (redacted texts only). */
    record PublishedAnswer(String code, String procedureCode, String subject, String question, String answer,
                           Instant publishedAt) {
    }

    /** Published answers about a procedure, the newest {@code perProcedure} of each procedure; one query. */
    List<PublishedAnswer> aboutProcedures(int perProcedure);
}
