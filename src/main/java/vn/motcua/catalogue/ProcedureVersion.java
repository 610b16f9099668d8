package vn.motcua.catalogue;

import vn.motcua.calendar.PausePolicy;
import vn.motcua.calendar.ProcessingTime;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A procedure as defined by one version, valid during {@code [validFrom, validTo)}.
 *
 * @param processingTime null when the published time could not be parsed ({@code processingTimeText} keeps it)
 * @param needsReview    some published text could not be parsed and waits for an administrator
 */
public record ProcedureVersion(String code, String name, String field, List<String> levels, UUID versionId,
                               int versionNo, Status status, LocalDate validFrom, LocalDate validTo,
                               ProcessingTime processingTime, String processingTimeText,
                               List<RequiredDocument> requiredDocuments, List<Fee> fees, OnlineLevel onlineLevel,
                               List<String> channels, List<ProcessStep> process, PausePolicy pausePolicy,
                               Performer performer, String applicantTypes, String result, String legalBasis,
                               String stepsText, boolean needsReview, List<String> reviewNotes) {

    public enum Status { DRAFT, PUBLISHED }

    /** A national procedure code's shape (1.001193), as a regular expression for validation annotations. */
    public static final String CODE_SHAPE = "\\d\\.\\d{6}";
    private static final Pattern CODE = Pattern.compile(CODE_SHAPE);

    /** Whether the text has a procedure code's shape; not whether the procedure exists. */
    public static boolean isCode(String text) {
        return text != null && CODE.matcher(text).matches();
    }

    public boolean validOn(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || date.isBefore(validTo));
    }
}
