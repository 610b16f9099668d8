package vn.motcua.catalogue.imports;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What an import did: how many procedures were listed and detailed, what the parser could read, and
 * which procedures were flagged for an administrator (with the reasons).
 *
 * @param skipped true when the data had already been imported (nothing was written)
 * @param refused detail records not attached because they name another procedure than the list does
 *                under their code (also flagged); empty in reports stored before session 15
 */
public record ImportReport(Instant startedAt, Instant finishedAt, boolean skipped, Map<String, Integer> listedPerFile,
                           int listed, int detailed, int procedures, int procedureRowsWritten, int versionsCreated,
                           int timeParsed, int feesParsed, int documentsParsed, int performerResolved,
                           int flagged, List<Flag> flags, List<String> rejectedRows, List<Refusal> refused) {

    public ImportReport {
        refused = refused == null ? List.of() : List.copyOf(refused);
    }

    public record Flag(String code, String name, List<String> notes) {
    }

    /** A detail record refused: the list's name for the code and the name the details give. */
    public record Refusal(String code, String listedName, String detailName) {
    }

    public String summary() {
        return String.format(
                "Catalogue import%s: %d listed, %d detailed, %d procedures (%d rows written, %d versions created); "
                        + "processing time parsed %d/%d, fees %d/%d, documents %d/%d, performer %d/%d; %d flagged for review; %d rows rejected; "
                        + "details refused (name mismatch) %d",
                skipped ? " (already done, skipped)" : "", listed, detailed, procedures, procedureRowsWritten,
                versionsCreated, timeParsed, detailed, feesParsed, detailed, documentsParsed, detailed,
                performerResolved, procedures, flagged, rejectedRows.size(), refused.size());
    }
}
