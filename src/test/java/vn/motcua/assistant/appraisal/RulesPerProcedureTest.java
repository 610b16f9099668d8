package vn.motcua.assistant.appraisal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import vn.motcua.assistant.appraisal.RuleResult.Result;

/**
 * The rules kept with the catalogue (data/catalogue/appraisal/*.yml): the 9 procedures with hand-written e-forms
 * each have rules with a legal source; per procedure a form that passes, one that fails, one that cannot tell.
 */
class RulesPerProcedureTest {

    static final List<String> HAND_WRITTEN = List.of("1.000656", "1.000894", "1.001193", "1.001456", "1.004194",
            "1.004222", "1.004873", "2.000815", "3.000333");
    static final LocalDate RECEIVED = LocalDate.of(2026, 3, 16);
    static final RuleBook BOOK = new RuleBook();

    @Test
    void every_procedure_with_a_hand_written_eform_has_rules_each_with_a_legal_source() {
        assertThat(BOOK.all().keySet()).containsExactlyInAnyOrderElementsOf(HAND_WRITTEN);
        for (String code : HAND_WRITTEN) {
            ProcedureRules p = BOOK.of(code);
            assertThat(p.rules()).as(code).hasSizeGreaterThanOrEqualTo(2);
            assertThat(p.rules()).as(code).allSatisfy(r -> {
                assertThat(r.source()).matches(".*(Luật|Nghị định|Thông tư).*\\d+/\\d{4}/[^,]+, Điều \\d+.*");
                assertThat(r.pass()).isNotBlank();
                assertThat(r.fail()).isNotBlank();
            });
            assertThat(p.rules().stream().map(ProcedureRules.Rule::id).distinct().count()).isEqualTo(p.rules().size());
        }
    }

    static Map<String, RuleResult> run(String code, Map<String, Object> form) {
        return RuleEngine.evaluate(BOOK.of(code), form, RECEIVED).stream()
                .collect(Collectors.toMap(RuleResult::id, Function.identity()));
    }

    static Map<String, Object> m(Object... kv) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            map.put((String) kv[i], kv[i + 1]);
        }
        return map;
    }

    @Test
    void birth_registration_date_relationship_and_late_registration() {
        var ok = run("1.001193", m("relationship", "Mẹ", "child", m("birthDate", "2026-03-01"),
                "mother", m("birthDate", "1995-01-01")));
        assertThat(ok.values()).allSatisfy(r -> assertThat(r.result()).as(r.id()).isEqualTo(Result.PASS));
        assertThat(ok.get("KS-01").source()).contains("Luật Hộ tịch 60/2014/QH13");

        var bad = run("1.001193", m("relationship", "hàng xóm", "child", m("birthDate", "2026-03-20"),
                "mother", m("birthDate", "2027-01-01")));
        assertThat(bad.get("KS-01").result()).isEqualTo(Result.FAIL);
        assertThat(bad.get("KS-01").message()).contains("2026-03-20").contains("sau ngày tiếp nhận");
        assertThat(bad.get("KS-02").result()).isEqualTo(Result.FAIL);
        assertThat(bad.get("KS-02").message()).contains("hàng xóm");
        assertThat(bad.get("KS-04").result()).isEqualTo(Result.FAIL);

        var late = run("1.001193", m("relationship", "ba", "child", m("birthDate", "2025-12-01")));
        assertThat(late.get("KS-03").result()).isEqualTo(Result.FAIL);
        assertThat(late.get("KS-03").severity()).isEqualTo(ProcedureRules.Severity.NOTE);
        assertThat(late.get("KS-03").message()).contains("quá 60 ngày");
        assertThat(late.get("KS-02").result()).as("'ba' folds to 'Bà'").isEqualTo(Result.PASS);
        assertThat(late.get("KS-04").result()).isEqualTo(Result.UNKNOWN);

        var empty = run("1.001193", Map.of());
        assertThat(empty.values()).allSatisfy(r -> assertThat(r.result()).isEqualTo(Result.UNKNOWN));
    }

    @Test
    void death_registration() {
        assertThat(run("1.000656", m("deceased", m("birthDate", "1940-01-01", "deathDate", "2026-03-10")))
                .values()).allSatisfy(r -> assertThat(r.result()).as(r.id()).isEqualTo(Result.PASS));
        var bad = run("1.000656", m("deceased", m("birthDate", "1940-01-01", "deathDate", "2026-01-10")));
        assertThat(bad.get("KT-03").result()).isEqualTo(Result.FAIL);
        assertThat(run("1.000656", m("deceased", m("birthDate", "2026-03-12", "deathDate", "2026-03-11")))
                .get("KT-02").result()).isEqualTo(Result.FAIL);
    }

    @Test
    void marriage_ages_and_marital_status() {
        var ok = run("1.000894", m("bride", m("birthDate", "2008-03-16", "maritalStatus", "SINGLE"),
                "groom", m("birthDate", "2006-03-16", "maritalStatus", "DIVORCED")));
        assertThat(ok.values()).allSatisfy(r -> assertThat(r.result()).as(r.id()).isEqualTo(Result.PASS));
        var young = run("1.000894", m("bride", m("birthDate", "2008-03-17", "maritalStatus", "SINGLE"),
                "groom", m("birthDate", "2006-03-17", "maritalStatus", "MARRIED")));
        assertThat(young.get("KH-01").result()).as("one day short of 18").isEqualTo(Result.FAIL);
        assertThat(young.get("KH-02").result()).as("one day short of 20").isEqualTo(Result.FAIL);
        assertThat(young.get("KH-04").result()).isEqualTo(Result.FAIL);
        assertThat(young.get("KH-01").source()).contains("52/2014/QH13, Điều 8");
    }

    @Test
    void passport_residence_marital_status_copies_and_criminal_record() {
        assertThat(run("1.001456", m("applicant", m("birthDate", "2015-01-01"))).get("HC-01").result())
                .isEqualTo(Result.FAIL);
        assertThat(run("1.001456", m("applicant", m("birthDate", "2000-01-01"), "previousIssuedOn", "1999-01-01"))
                .get("HC-02").result()).isEqualTo(Result.FAIL);

        assertThat(run("1.004194", m("months", 36)).get("TT-01").result()).isEqualTo(Result.FAIL);
        assertThat(run("1.004194", m("months", "24")).get("TT-01").result()).isEqualTo(Result.PASS);
        assertThat(run("1.004194", m("purpose", "STUDY")).get("TT-02").result()).isEqualTo(Result.FAIL);
        assertThat(run("1.004194", m("purpose", "WORK")).get("TT-02").result()).isEqualTo(Result.PASS);

        assertThat(run("1.004222", m("basis", "FAMILY")).get("TR-01").result()).isEqualTo(Result.FAIL);
        assertThat(run("1.004222", m("basis", "OWNED")).get("TR-01").result()).isEqualTo(Result.PASS);

        var xn = run("1.004873", m("purpose", "MARRIAGE", "maritalStatus", "MARRIED"));
        assertThat(xn.get("XN-01").result()).isEqualTo(Result.FAIL);
        assertThat(xn.get("XN-02").result()).isEqualTo(Result.FAIL);
        assertThat(run("1.004873", m("purpose", "OTHER", "maritalStatus", "MARRIED")).get("XN-02").result())
                .as("only for marriage").isEqualTo(Result.PASS);

        assertThat(run("2.000815", m("documents", List.of(m("issuedOn", "2027-01-01", "foreign", "YES"))))
                .get("CT-01").result()).isEqualTo(Result.FAIL);

        var history = m("residenceHistory", List.of(m("fromDate", "2000-01-01", "toDate", "2010-01-01"),
                m("fromDate", "2012-01-01", "toDate", "2011-01-01")));
        assertThat(run("3.000333", history).get("LL-02").result()).as("second item backwards").isEqualTo(Result.FAIL);
        assertThat(run("3.000333", m("formType", "3")).get("LL-03").result()).isEqualTo(Result.FAIL);
    }

    @Test
    void one_procedures_rules_take_well_under_a_millisecond() {
        Map<String, Object> form = m("relationship", "Mẹ", "child", m("birthDate", "2026-03-01"),
                "mother", m("birthDate", "1995-01-01"));
        for (int i = 0; i < 20_000; i++) {
            RuleEngine.evaluate(BOOK.of("1.001193"), form, RECEIVED);
        }
        long start = System.nanoTime();
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            RuleEngine.evaluate(BOOK.of("1.001193"), form, RECEIVED);
        }
        double micros = (System.nanoTime() - start) / 1000.0 / n;
        assertThat(micros).as("µs per evaluation (shared, busy machine)").isLessThan(1000);
    }
}
