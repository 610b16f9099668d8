package vn.motcua.assistant.appraisal;

import java.util.List;
import java.util.UUID;

/**
 * The appraisal of one dossier: a help for the officer, never a decision. Serialised as the API's contract
 * ({@code documents}, {@code rules}, {@code suggestion}) plus what the panel shows besides.
 *
 * @param readingPending some attachments wait to be read in the background: consistency findings are incomplete
 */
public record Appraisal(UUID dossierId, String procedureCode, String procedureName, List<DocumentCheck> documents,
                        List<RuleResult> rules, List<Finding> findings, Duplicates duplicates, Suggestion suggestion,
                        boolean readingPending, boolean rulesKnown) {

    public enum Status { PRESENT, REUSED, MISSING, NOT_REQUIRED }

    /**
     * A required document of the procedure version in force at receipt.
     *
     * @param files     the attached files recognised as this document (file names)
     * @param condition when it is needed, for a conditional document; or why it is not needed
     */
    public record DocumentCheck(String name, Status status, List<String> files, String condition) {
    }

    public enum FindingKind { DISAGREES, NOT_FOUND, UNREADABLE, OCR_UNAVAILABLE }

    /**
     * Where the form and the documents disagree, or a document could not be read.
     *
     * @param label     what was compared (e.g. "Họ tên mẹ"); null for an unreadable file
     * @param formValue what the form says
     * @param file      the file concerned
     */
    public record Finding(FindingKind kind, String label, String formValue, String file, String message) {
    }

    public record Duplicates(List<AppraisalQueries.OtherDossier> openOfSameApplicant,
                             List<AppraisalQueries.OtherDossier> sameSubject, java.util.Map<String, Long> agencyOutcomes) {
    }

    public enum Kind { ACCEPT, SUPPLEMENT, REFUSE_RISK }

    /** One line of a draft Form 02 (phiếu yêu cầu bổ sung): the document and why. */
    public record SupplementItem(String document, String reason) {
    }

    /** @param draft the draft Form 02 for SUPPLEMENT (editable by the officer), else empty */
    public record Suggestion(Kind kind, List<String> reasons, List<SupplementItem> draft) {

        /** The draft as the reception page's supplement box takes it: one "document | reason" per line. */
        public String draftText() {
            return String.join("\n", draft.stream().map(i -> i.document() + " | " + i.reason()).toList());
        }
    }
}
