package vn.motcua.privacy;

import java.time.Instant;
import java.util.UUID;

/**
 * An officer answered a citizen's request about their data (data subject request). Published in the answering
 * transaction; the notify module writes the citizen's e-mail from it (privacy sits below notify and cannot call it).
 *
 * @param email     the citizen's e-mail on their account, null when they gave none
 * @param corrected what was corrected (a correction carried out), else null
 */
public record DataRequestAnswered(UUID requestId, String username, String displayName, String email, String kind,
                                  String outcome, String answer, String corrected, Instant filedAt,
                                  Instant answeredAt) {
}
