package vn.motcua.dossier.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.support.IntegrationTest;

/**
 * {@code dossier_transfer_decision} is a versioned migration's table (V40_90) since session 13; before, the callback
 * {@code afterMigrate__dossier_history.sql} created it. A database migrated before already has it: the migration
 * leaves it and its rows as they are.
 */
@IntegrationTest
class TransferDecisionMigrationTest {

    private static final String SCRIPT = "db/migration/V40_90__dossier_transfer_decision.sql";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    JdbcTemplate jdbcTemplate;

    @Test
    void theVersionedMigrationKeepsATableTheCallbackCreatedBefore() throws Exception {
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where version = '40.90' and success")
                .query(Long.class).single()).isEqualTo(1);
        jdbc.sql("""
                        insert into dossier_transfer_decision (plan_id, dossier_id, to_agency, to_agency_name, rule, decided_at)
                        values (gen_random_uuid(), gen_random_uuid(), 'UBND-TEST-MIG', 'UBND thử', 'EXPLICIT', now())""")
                .update();
        long rows = jdbc.sql("select count(*) from dossier_transfer_decision").query(Long.class).single();

        // What an existing database meets: the migration runs where the table is already there.
        jdbcTemplate.execute(new ClassPathResource(SCRIPT).getContentAsString(StandardCharsets.UTF_8));

        assertThat(jdbc.sql("select count(*) from dossier_transfer_decision").query(Long.class).single()).isEqualTo(rows);
        jdbc.sql("delete from dossier_transfer_decision where to_agency = 'UBND-TEST-MIG'").update();
    }
}
