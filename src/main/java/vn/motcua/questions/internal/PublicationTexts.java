package vn.motcua.questions.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import vn.motcua.platform.api.ApiException;

/**
 * The texts an officer confirms for publication: a text not sent is the automatic draft ({@link Redactor}) as it is;
 * refused (422, naming the field) while any still holds a phone number, an ID number, an e-mail address, or the
 * asker's own name, phone or e-mail. Used by every publication (a single answer, a council sitting's answers).
 */
final class PublicationTexts {

    private PublicationTexts() {
    }

    /** Subject, question and answer of {@code q} as confirmed (null: the draft's), checked. */
    static Map<String, String> confirmed(Question q, String subject, String question, String answer) {
        String name = q.contact().name();
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("subject", subject == null ? Redactor.redact(q.subject(), name).text() : QuestionService.required(subject, "subject"));
        texts.put("question", question == null ? Redactor.redact(q.body(), name).text() : QuestionService.required(question, "question"));
        texts.put("answer", answer == null ? Redactor.redact(q.answer(), name).text() : QuestionService.required(answer, "answer"));
        check(texts, q.contact());
        return texts;
    }

    /** Refuses (422 naming each field) texts that still hold personal data, strong findings or the asker's own. */
    static void check(Map<String, String> texts, Question.Contact contact) {
        List<Map<String, String>> errors = new ArrayList<>();
        texts.forEach((field, text) -> {
            if (!clean(text, contact)) {
                errors.add(Map.of("field", field, "code", "questions.publish.personalData"));
            }
        });
        if (!errors.isEmpty()) {
            throw ApiException.unprocessable("questions.publish.personalData").with("errors", errors);
        }
    }

    /** No phone number, ID number or e-mail address, and none of the asker's own name, phone or e-mail. */
    static boolean clean(String text, Question.Contact contact) {
        if (!Redactor.strongFindings(text).isEmpty()) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (contact != null) {
            for (String own : new String[]{contact.name(), contact.phone(), contact.email()}) {
                if (own != null && own.strip().length() >= 3 && lower.contains(own.strip().toLowerCase(Locale.ROOT))) {
                    return false;
                }
            }
        }
        return true;
    }
}
