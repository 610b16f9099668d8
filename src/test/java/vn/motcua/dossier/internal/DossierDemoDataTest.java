package vn.motcua.dossier.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.support.IntegrationTest;

/** Demo dossiers are real dossiers: routed, coded and dated by the same rules. Own context, own database. */
@IntegrationTest
@TestPropertySource(properties = "motcua.test.context=demo-data")
class DossierDemoDataTest {

    @Autowired
    DossierDemoData demo;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WorkingCalendar calendar;

    @Test
    void createsAFewHundredDossiersInEveryIntakeStateOnceOnly() {
        assertThat(demo.create()).isEqualTo(DossierDemoData.COUNT);
        assertThat(demo.create()).isZero();

        Map<String, Long> byState = jdbc.sql("select state, count(*) from dossier group by state")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(byState.keySet()).contains("SUBMITTED", "ACCEPTED", "SUPPLEMENT_REQUESTED", "REFUSED");
        assertThat(byState.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(DossierDemoData.COUNT);

        List<String> codes = jdbc.sql("select code from dossier where state = 'ACCEPTED'").query(String.class).list();
        assertThat(codes).isNotEmpty().doesNotHaveDuplicates().allMatch(c -> c.matches("(UBND|CA)-\\d{5}-\\d{6}-\\d{4}"));
        // Every appointment falls on a working day, whatever week the demo history was moved to.
        List<java.sql.Timestamp> dues = jdbc.sql("select due_at from dossier where due_at is not null")
                .query(java.sql.Timestamp.class).list();
        assertThat(dues).isNotEmpty().allSatisfy(t -> assertThat(calendar.isWorkingDay(
                LocalDate.ofInstant(t.toInstant(), ZoneId.of("Asia/Ho_Chi_Minh")))).isTrue());
        assertThat(jdbc.sql("select count(*) from dossier where agency_code is null and state <> 'TRIAGE'")
                .query(Long.class).single()).isZero();
    }
}
