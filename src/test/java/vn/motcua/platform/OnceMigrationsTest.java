package vn.motcua.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.support.IntegrationTest;

/**
 * DDL that ran after every migrate until session 14 (afterMigrate callbacks) is in versioned migrations since
 * (V50_30, V50_31, V60_10, V90_10). A database migrated before has all of it already: there those versions are pending
 * out of order, and must apply without changing anything. Simulated here by forgetting that they were applied and
 * migrating again; and a second start (the remaining callback only) rebuilds no index.
 */
@IntegrationTest
class OnceMigrationsTest {

    static final List<String> VERSIONS = List.of("50.30", "50.31", "60.10", "90.10");
    static final List<String> INDEXES = List.of("dossier_transfer_batch_history_done", "dossier_event_audit_no",
            "dossier_step_queue_due", "dossier_applicant_personal_id_bidx", "wallet_profile_personal_id_bidx",
            "audit_reseal_row_source", "dossier_received_at_brin", "dossier_event_at_brin");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Flyway flyway;

    @Test
    void aDatabaseThatHadTheCallbacksTakesTheVersionsWithoutAChange() {
        for (String v : VERSIONS) {
            assertThat(jdbc.sql("select count(*) from flyway_schema_history where version = ? and success").param(v)
                    .query(Long.class).single()).as(v).isEqualTo(1);
        }
        Map<String, Long> before = indexOids();
        assertThat(before).containsOnlyKeys(INDEXES);
        List<String> columnsBefore = columns();
        assertThat(columnsBefore).hasSize(15).contains("dossier.applicant_personal_id bytea", "dossier_event.audit_no bigint");

        jdbc.sql("delete from flyway_schema_history where version in ('50.30', '50.31', '60.10', '90.10')").update();
        flyway.migrate();

        for (String v : VERSIONS) {
            assertThat(jdbc.sql("select count(*) from flyway_schema_history where version = ? and success").param(v)
                    .query(Long.class).single()).as(v).isEqualTo(1);
        }
        assertThat(indexOids()).isEqualTo(before);
        assertThat(columns()).isEqualTo(columnsBefore);
        // the old indexes the versions replace are not there
        assertThat(jdbc.sql("select count(*) from pg_class where relname in ('dossier_event_at', 'dossier_received_at', "
                + "'dossier_transfer_dossier', 'dossier_step_queue_due_covering')").query(Long.class).single()).isZero();
    }

    @Test
    void theAuditTablesTheVersionsGuardKeepTheirAppendOnlyTriggers() {
        assertThat(jdbc.sql("""
                        select tgrelid::regclass::text || ' ' || tgname from pg_trigger
                         where not tgisinternal and tgrelid in ('audit_journal_link'::regclass, 'audit_reseal'::regclass,
                                                                'audit_reseal_row'::regclass)""")
                .query(String.class).list()).containsExactlyInAnyOrder(
                "audit_journal_link audit_journal_link_append_only", "audit_journal_link audit_journal_link_no_truncate",
                "audit_reseal audit_reseal_append_only", "audit_reseal audit_reseal_no_truncate",
                "audit_reseal_row audit_reseal_row_append_only", "audit_reseal_row audit_reseal_row_no_truncate");
    }

    Map<String, Long> indexOids() {
        return jdbc.sql("select relname, oid::bigint from pg_class where relkind = 'i' and relname in (:names)")
                .param("names", INDEXES).query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    List<String> columns() {
        return jdbc.sql("""
                        select table_name || '.' || column_name || ' ' || data_type from information_schema.columns
                         where table_schema = current_schema() and (
                               (table_name = 'dossier_transfer_batch' and column_name in ('history_in_journal', 'history_no', 'actor', 'reason'))
                            or (table_name = 'dossier_event' and column_name = 'audit_no')
                            or (table_name = 'dossier' and column_name in ('applicant_personal_id', 'applicant_personal_id_bidx'))
                            or (table_name = 'wallet_profile' and column_name in ('personal_id', 'personal_id_bidx'))
                            or (table_name = 'dossier_draft' and column_name = 'field_values')
                            or (table_name = 'wallet_digitisation' and column_name = 'ocr_text')
                            or (table_name = 'reporting_day' and column_name in ('results', 'e_results', 'digitised', 'procedure_field')))
                         order by 1""").query(String.class).list();
    }
}
