package vn.motcua.reporting.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Electronic results and digitised dossiers (Decision 766, group "Số hóa"), from the per-procedure counts of approved
 * results returned in the period (formulas in docs/indicators.md).
 */
final class ResultIndicators {

    private ResultIndicators() {
    }

    /**
     * electronicResults = results issued as an e-document into the applicant's data store ÷ approved results returned,
     * over the procedures whose catalogue entry names a result document (a paper result); digitised = results of
     * dossiers whose components are files and whose result is an e-document ÷ approved results returned (all
     * procedures).
     */
    static void put(Map<String, Object> out, List<IndicatorQueries.ProcedureSum> procedures,
                    Predicate<String> paperResult) {
        long paper = 0;
        long electronic = 0;
        long results = 0;
        long digitised = 0;
        for (IndicatorQueries.ProcedureSum p : procedures) {
            results += p.results();
            digitised += p.digitised();
            if (p.results() > 0 && paperResult.test(p.procedureCode())) {
                paper += p.results();
                electronic += p.eResults();
            }
        }
        out.put("electronicResults", IndicatorService.indicator(electronic, paper, null, 1.0));
        out.put("digitised", IndicatorService.indicator(digitised, results, null, 1.0));
    }
}
