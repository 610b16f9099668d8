package vn.motcua.questions.internal;

import java.util.Optional;

import org.springframework.stereotype.Service;
import vn.motcua.dossier.DossierTracking;

/**
 * Which dossier a question may be linked to: one the asker may see through the dossier module's own rules
 * ({@link DossierTracking}) — a signed-in citizen's own dossier, or one whose tracking check the last four digits of
 * the contact phone pass (an anonymous asker, an officer entering a question for a caller, or a citizen asking about a
 * dossier handed in at the counter). Unknown and not visible give the same empty answer: nothing tells a stranger
 * whether a code exists.
 */
@Service
public class QuestionDossiers {

    private final DossierTracking dossiers;

    QuestionDossiers(DossierTracking dossiers) {
        this.dossiers = dossiers;
    }

    public Optional<DossierTracking.Tracked> visible(String dossierCode, Who who, String contactPhone) {
        if (dossierCode == null || dossierCode.isBlank()) {
            return Optional.empty();
        }
        Optional<DossierTracking.Tracked> own = who.citizen() ? dossiers.ofApplicant(dossierCode, who.username())
                : Optional.empty();
        if (own.isPresent()) {
            return own;
        }
        String last4 = last4(contactPhone);
        return last4 == null ? Optional.empty() : dossiers.byTrackingCheck(dossierCode, last4);
    }

    /** The last four digits of a phone number, or null when it has fewer. */
    public static String last4(String phone) {
        String digits = phone == null ? "" : phone.replaceAll("\\D", "");
        return digits.length() < 4 ? null : digits.substring(digits.length() - 4);
    }
}
