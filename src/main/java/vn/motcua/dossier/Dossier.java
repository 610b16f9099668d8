package vn.motcua.dossier;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A dossier's current state (read model). Personal data is limited to what the forms need.
 *
 * @param code          the dossier code, assigned when reception accepts it (null before)
 * @param receiptNumber the short receipt number given at submission (10 characters, see ReceiptNumbers)
 * @param agencyCode the competent agency; null while in triage
 */
public record Dossier(UUID id, String code, String receiptNumber, String procedureCode, String procedureName, UUID procedureVersionId,
                      Channel channel, DossierState state, Applicant applicant, String addressUnitCode,
                      String addressLine, Map<String, Object> form, String receptionPoint, String agencyCode,
                      String agencyName, String triageReason, String submittedBy, Instant receivedAt,
                      Instant countFrom, Instant receptionDueAt, Instant acceptedAt, Instant dueAt,
                      Instant closedAt, int version) {

    public enum Channel { ONLINE, COUNTER }

    public record Applicant(Kind kind, String name, String personalId, String phone, String email) {
        public enum Kind { PERSON, ORGANISATION }

        private static final Pattern FOUR_DIGITS = Pattern.compile("\\d{4}");
        private static final Pattern NOT_DIGIT = Pattern.compile("\\D");

        /** Whether the text has the shape of a tracking check: four digits, nothing else. */
        public static boolean isCheck(String last4) {
            return last4 != null && FOUR_DIGITS.matcher(last4).matches();
        }

        /** The last four digits of the phone or personal ID: what a tracker must know. */
        public boolean matchesCheck(String last4) {
            if (!isCheck(last4)) {
                return false;
            }
            return endsWithDigits(phone, last4) || endsWithDigits(personalId, last4);
        }

        private static boolean endsWithDigits(String value, String last4) {
            if (value == null) {
                return false;
            }
            String digits = NOT_DIGIT.matcher(value).replaceAll("");
            return digits.length() >= 4 && digits.endsWith(last4);
        }
    }
}
