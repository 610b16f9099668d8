package vn.motcua.wallet.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.dossier.spi.PrefillSource;
import vn.motcua.platform.api.ApiException;
import vn.motcua.territory.Territory;
import vn.motcua.wallet.CitizenProfiles;

/**
 * The citizen's profile ({@code wallet_profile}), validated when saved: the personal ID's format (12 digits, a
 * province code, the century/sex digit agreeing with the birth date and sex), a Vietnamese phone number, an e-mail
 * address, and unit codes that exist today. Read to prefill the e-form.
 */
@Service
@Transactional
public class ProfileService implements CitizenProfiles, PrefillSource {

    private static final Pattern PERSONAL_ID = Pattern.compile("^\\d{12}$");
    private static final Pattern MOBILE = Pattern.compile("^(0|84)(3|5|7|8|9)\\d{8}$");
    private static final Pattern LANDLINE = Pattern.compile("^(0|84)2\\d{9}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]{2,}$");
    private static final Pattern UNIT = Pattern.compile("^\\d{5}$");

    private final JdbcClient jdbc;
    private final Territory territory;
    private final Clock clock;
    /** The ID number is encrypted at rest, with its blind index (the digitisation finds the profile by number). */
    private final vn.motcua.privacy.Vault vault;
    static final String PERSONAL_ID_COLUMN = "wallet_profile.personal_id";
    private final vn.motcua.privacy.Consents consents;
    private final org.springframework.context.MessageSource messages;

    ProfileService(JdbcClient jdbc, Territory territory, Clock clock, vn.motcua.privacy.Vault vault,
                   vn.motcua.privacy.Consents consents, org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.vault = vault;
        this.consents = consents;
        this.jdbc = jdbc;
        this.territory = territory;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CitizenProfile> profile(String username) {
        return jdbc.sql("""
                        select full_name, personal_id, birth_date, sex, phone, email, permanent_unit_code, permanent_detail,
                               current_unit_code, current_detail from wallet_profile where owner = ?""")
                .param(username)
                .query((rs, n) -> new CitizenProfile(rs.getString(1), vault.openText(rs.getBytes(2), PERSONAL_ID_COLUMN),
                        rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate(),
                        rs.getString(4) == null ? null : Sex.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10)))
                .optional();
    }

    /** Saves the whole profile (a PUT): every field is checked; the problems are reported together, per field. */
    public CitizenProfile save(String username, CitizenProfile p) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), WalletService.VN);
        CitizenProfile c = new CitizenProfile(text(p.fullName(), "fullName", 100), digits(p.personalId()), p.birthDate(),
                p.sex(), phone(p.phone()), text(p.email(), "email", 254), digits(p.permanentUnitCode()),
                text(p.permanentDetail(), "permanentDetail", 200), digits(p.currentUnitCode()),
                text(p.currentDetail(), "currentDetail", 200));
        Map<String, String> errors = new LinkedHashMap<>();
        if (c.birthDate() != null && c.birthDate().isAfter(today)) {
            errors.put("birthDate", "wallet.profile.birthDate");
        }
        if (c.personalId() != null) {
            if (!PERSONAL_ID.matcher(c.personalId()).matches() || !province(c.personalId())) {
                errors.put("personalId", "wallet.profile.personalId");
            } else if (!agrees(c.personalId(), c.birthDate(), c.sex())) {
                errors.put("personalId", "wallet.profile.personalId.mismatch");
            }
        }
        if (c.phone() != null && !MOBILE.matcher(c.phone()).matches() && !LANDLINE.matcher(c.phone()).matches()) {
            errors.put("phone", "wallet.profile.phone");
        }
        if (c.email() != null && !EMAIL.matcher(c.email()).matches()) {
            errors.put("email", "wallet.profile.email");
        }
        unit(c.permanentUnitCode(), "permanentUnitCode", today, errors);
        unit(c.currentUnitCode(), "currentUnitCode", today, errors);
        if (!errors.isEmpty()) {
            throw new ProfileInvalid(errors);
        }
        jdbc.sql("""
                        insert into wallet_profile(owner, full_name, personal_id, birth_date, sex, phone, email,
                            permanent_unit_code, permanent_detail, current_unit_code, current_detail, updated_at,
                            personal_id_bidx)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (owner) do update set full_name = excluded.full_name, personal_id = excluded.personal_id,
                            personal_id_bidx = excluded.personal_id_bidx,
                            birth_date = excluded.birth_date, sex = excluded.sex, phone = excluded.phone,
                            email = excluded.email, permanent_unit_code = excluded.permanent_unit_code,
                            permanent_detail = excluded.permanent_detail, current_unit_code = excluded.current_unit_code,
                            current_detail = excluded.current_detail, updated_at = excluded.updated_at""")
                .params(username, c.fullName(), vault.sealText(c.personalId(), PERSONAL_ID_COLUMN), c.birthDate(),
                        c.sex() == null ? null : c.sex().name(), c.phone(), c.email(), c.permanentUnitCode(),
                        c.permanentDetail(), c.currentUnitCode(), c.currentDetail(), Timestamp.from(clock.instant()),
                        vault.blindIndex(c.personalId(), vn.motcua.privacy.Vault.PERSONAL_ID))
                .update();
        // Saving the profile "to prefill the forms" (the page says so) is consent to that use, unless decided before.
        consents.giveUnlessDecided(username, vn.motcua.privacy.Consents.DATA_STORE_REUSE, "profile saved in the data store");
        return c;
    }

    /** Field name → message key of each problem (a 422 with {@code errors}). */
    public static final class ProfileInvalid extends RuntimeException {
        private final transient Map<String, String> errors;

        ProfileInvalid(Map<String, String> errors) {
            super("profile invalid: " + errors.keySet());
            this.errors = Map.copyOf(errors);
        }

        public Map<String, String> errors() {
            return errors;
        }
    }

    /** After the assistant's values: the citizen's own profile wins where both know a field. */
    @Override
    public int order() {
        return 100;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, String> prefill(String procedureCode, String username) {
        return prefill(username);
    }

    /** The page says the values come from the profile in the data store (the citizen's to change there). */
    @Override
    @Transactional(readOnly = true)
    public Filled fill(String procedureCode, String username, java.util.Locale locale) {
        Map<String, String> values = prefill(username);
        return new Filled(values, values.isEmpty() ? java.util.List.of()
                : java.util.List.of(messages.getMessage("wallet.prefill.fromProfile", null, locale)));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, String> prefill(String username) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!consents.allows(username, vn.motcua.privacy.Consents.DATA_STORE_REUSE)) {
            return out; // consent withdrawn: the form starts empty
        }
        profile(username).ifPresent(p -> {
            put(out, "applicant.fullName", p.fullName());
            put(out, "applicant.birthDate", p.birthDate() == null ? null : p.birthDate().toString());
            put(out, "applicant.personalId", p.personalId());
            put(out, "applicant.phone", p.phone());
            put(out, "applicant.email", p.email());
            boolean current = p.currentUnitCode() != null;
            put(out, "applicant.residence", current ? p.currentUnitCode() : p.permanentUnitCode());
            put(out, "applicant.residenceDetail", current ? p.currentDetail() : p.permanentDetail());
        });
        return out;
    }

    private static void put(Map<String, String> out, String key, String value) {
        if (value != null) {
            out.put(key, value);
        }
    }

    private void unit(String code, String field, LocalDate today, Map<String, String> errors) {
        if (code != null && (!UNIT.matcher(code).matches() || territory.unit(code, today).isEmpty())) {
            errors.put(field, "wallet.profile.unit");
        }
    }

    /** Province of birth registration: the 63 provinces' codes before 2025, 001–096. */
    private static boolean province(String id) {
        int p = Integer.parseInt(id.substring(0, 3));
        return p >= 1 && p <= 96;
    }

    /** The 4th digit: century and sex (0/1: 1900s male/female, 2/3: 2000s, …); the 5th-6th: the year of birth. */
    static boolean agrees(String id, LocalDate birth, Sex sex) {
        int g = id.charAt(3) - '0';
        if (g > 9) {
            return false;
        }
        if (sex != null && (g % 2 == 0) != (sex == Sex.MALE)) {
            return false;
        }
        if (birth != null) {
            int year = 1900 + (g / 2) * 100 + Integer.parseInt(id.substring(4, 6));
            return year == birth.getYear();
        }
        return true;
    }

    private static String digits(String s) {
        return s == null || s.isBlank() ? null : s.replaceAll("[\\s.\\-()]", "").replaceFirst("^\\+", "");
    }

    private static String phone(String s) {
        return digits(s);
    }

    private static String text(String s, String field, int max) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = vn.motcua.platform.text.InputText.nfc(s.strip());
        if (t.length() > max || t.codePoints().anyMatch(Character::isISOControl)) {
            throw new ProfileInvalid(Map.of(field, "wallet.profile.text"));
        }
        return t;
    }
}
