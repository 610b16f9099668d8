package vn.motcua.questions.internal;

import java.time.Instant;
import java.util.UUID;

import vn.motcua.questions.QuestionState;

/** One question as stored: the citizen's text and contact (personal data), who holds it, its time limits. */
public record Question(UUID id, String code, String subject, String body, String placeCode, String placeUnitCode,
                       String procedureCode, String asker, Contact contact, String agencyCode, String agencyName,
                       String assignee, String triageReason, QuestionState state, Instant receivedAt,
                       Instant clockFrom, Instant acceptedAt, Instant ackDueAt, Instant infoDueAt,
                       Instant answerDueAt, Instant infoAskedAt, Instant answeredAt, String answer,
                       Instant publishDueAt, Instant publishedAt, String refusalReason, Instant closedAt,
                       Instant actionDueAt, String publicSubject, String publicQuestion, String publicAnswer,
                       int useful, int notUseful, int version) {

    /** Personal data: never published, never shown in lists. */
    public record Contact(String name, String phone, String email) {
    }

    /** Past the limit that governs its current state. */
    public boolean late(Instant now) {
        return state.isOpen() && actionDueAt != null && now.isAfter(actionDueAt);
    }
}
