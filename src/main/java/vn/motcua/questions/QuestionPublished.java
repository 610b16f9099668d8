package vn.motcua.questions;

import java.time.Instant;
import java.util.UUID;

/**
 * A question's answer was published (redacted texts confirmed by an officer), alone or with a council sitting's
 * answers. Raised inside the publishing transaction; listeners that keep a copy of the published answers (the
 * citizen assistant's index) should rebuild once it has committed.
 *
 * @param procedureCode the procedure the question is about, or null for a general matter
 */
public record QuestionPublished(UUID id, String code, String procedureCode, Instant publishedAt) {
}
