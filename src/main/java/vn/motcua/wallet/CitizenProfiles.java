package vn.motcua.wallet;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * The citizen's profile in the data store: name, personal ID, birth date, sex, phone, e-mail and the permanent and
 * current addresses by administrative unit code. Read by other modules (e.g. form help) to prefill e-forms; written
 * only by the citizen through the wallet's API and pages.
 */
public interface CitizenProfiles {

    enum Sex { MALE, FEMALE }

    /** A profile; any field may be null (not given). Unit codes are GSO codes of wards/communes (5 digits). */
    record CitizenProfile(String fullName, String personalId, LocalDate birthDate, Sex sex, String phone, String email,
                          String permanentUnitCode, String permanentDetail, String currentUnitCode,
                          String currentDetail) {
    }

    /** The account's profile, if it has one. */
    Optional<CitizenProfile> profile(String username);

    /**
     * The profile as e-form values, keyed by the e-forms' field paths ({@code applicant.fullName},
     * {@code applicant.birthDate} as yyyy-MM-dd, {@code applicant.residence} = the current unit code or else the
     * permanent one, {@code applicant.residenceDetail}); empty without a profile.
     */
    Map<String, String> prefill(String username);
}
