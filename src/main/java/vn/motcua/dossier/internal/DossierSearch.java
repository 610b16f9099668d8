package vn.motcua.dossier.internal;

import java.util.regex.Pattern;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What an officer typed into a list's search box, as one SQL condition on a dossier's columns: its receipt number
 * (any case, O/0 and I/L/1 alike), (part of) its code in any case, (part of) the applicant's name with or without
 * diacritics ({@code unaccent} on both sides; only when the text has a letter), or — when the text is only digits (spaces, dots, + and - allowed) and
 * at least four of them — part of the applicant's phone number.
 */
public final class DossierSearch {

    private static final Pattern NOT_DIGIT = Pattern.compile("\\D");
    private static final Pattern PHONE_SEPARATOR = Pattern.compile("[\\s.+-]");

    private final String receipt;
    private final String code;
    private final String name;
    private final String phone;

    private DossierSearch(String q) {
        this.receipt = ReceiptNumbers.parse(q).orElse("");
        this.code = "%" + q.toUpperCase(Locale.ROOT).replace("\\", "").replace("%", "").replace("_", "\\_") + "%";
        // Text without a letter (a code's digits, a phone number) cannot be part of a name: no unaccent per row for it.
        this.name = q.codePoints().anyMatch(Character::isLetter) ? q.replace("\\", "").replace("%", "").replace("_", " ")
                : null;
        String digits = NOT_DIGIT.matcher(q).replaceAll("");
        this.phone = digits.length() >= 4 && digits.length() == PHONE_SEPARATOR.matcher(q).replaceAll("").length() ? "%" + digits + "%"
                : null;
    }

    /** Null for a null or blank text: no narrowing. */
    public static DossierSearch of(String text) {
        return text == null || text.isBlank() ? null : new DossierSearch(text.strip());
    }

    /** The condition, " and (…)", on the columns of alias {@code a} ("" for none, "d." for "d"). */
    public String sql(String a) {
        return " and (" + a + "receipt_number = :qReceipt or " + a + "code like :qCode"
                + (name == null ? "" : " or lower(unaccent(" + a + "applicant_name)) like '%' || lower(unaccent(:qName)) || '%'")
                + (phone == null ? "" : " or regexp_replace(coalesce(" + a + "applicant_phone, ''), '\\D', '', 'g') like :qPhone")
                + ")";
    }

    public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
        spec = spec.param("qReceipt", receipt).param("qCode", code);
        spec = name == null ? spec : spec.param("qName", name);
        return phone == null ? spec : spec.param("qPhone", phone);
    }
}
