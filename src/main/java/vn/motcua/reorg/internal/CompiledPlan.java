package vn.motcua.reorg.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.motcua.territory.Share;
import vn.motcua.territory.UnitChanges;

/**
 * A plan reduced to what the engine needs: the unit changes for the territory, each closing unit's successors,
 * the routing rules (streets already folded), abolished districts, procedure transfers, explicit targets.
 */
record CompiledPlan(Instant effective, LocalDate effectiveDate, String legalBasis, UnitChanges unitChanges,
                    Set<String> closing, Set<String> opening, Map<String, List<Succ>> successors,
                    Map<String, List<Rule>> routing, Map<String, String> abolishedFunctionsTo,
                    Map<String, Map<String, String>> procedureTransfers, Map<String, String> explicit,
                    Map<String, String> postMappings, boolean extendDeadlines, int extendWorkingDays, int batchSize,
                    int nearCutoverWorkingDays, boolean notifyApplicants, List<Problem> problems) {

    LocalDate dayBefore() {
        return effectiveDate.minusDays(1);
    }

    record Succ(String code, Share share) {
    }

    /** Addresses whose folded text contains one of {@code streets} (folded, padded with spaces) go to {@code to}. */
    record Rule(String to, List<String> streets) {
    }

    /** A validation finding: {@code key} in the reorg bundle, with arguments. */
    record Problem(String key, List<String> args) {
        Problem(String key, String... args) {
            this(key, List.of(args));
        }
    }
}
