package vn.motcua.questions.internal;

import java.time.Instant;

import vn.motcua.questions.QuestionStateChanged;

/** Builds the public {@link QuestionStateChanged} from a question before and after one change. */
final class QuestionChanges {

    private QuestionChanges() {
    }

    static QuestionStateChanged of(Question before, Question after, String type, String note, Instant at) {
        return of(before, after, type, note, at, type.equals("PUBLISHED") ? "/questions/" + after.code() : null);
    }

    static QuestionStateChanged of(Question before, Question after, String type, String note, Instant at,
                                   String publicPath) {
        boolean forwarded = type.equals("FORWARDED");
        Instant due = switch (type) {
            case "ACCEPTED", "FORWARDED" -> after.answerDueAt();
            case "ANSWERED" -> after.publishDueAt();
            default -> null;
        };
        Question.Contact c = after.contact();
        return new QuestionStateChanged(after.id(), after.code(), type, before.state(), after.state(), at,
                after.version(), Redactor.redact(after.subject(), c.name()).text(), after.agencyName(),
                forwarded ? before.agencyName() : null, note, due, type.equals("ANSWERED") ? after.answer() : null,
                after.asker() != null, c.name(), c.email(), c.phone(), after.procedureCode(), publicPath);
    }
}
