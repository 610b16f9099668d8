package vn.motcua.dossier.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.support.IntegrationTest;

/**
 * A dossier's code is unique through a partial index (V50_20, V50_21: no entry for the dossiers without a code, which
 * a reorganisation's move would otherwise write again): the same uniqueness as the full constraint it replaced, and
 * every lookup by code still finds it, also as a generic prepared plan (the parameter could be null there).
 */
@IntegrationTest
class DossierCodeIndexTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    private void insert(UUID id, String code) {
        jdbc.sql("""
                insert into dossier (id, code, procedure_code, procedure_name, channel, state, applicant_kind, applicant_name,
                                     submitted_by, received_at)
                values (?, ?, 'P-CODE-IDX', 'Thủ tục thử', 'COUNTER', 'SUBMITTED', 'PERSON', 'Nguyễn Văn A', 'code-idx', now())
                """).params(id, code).update();
    }

    @Test
    void theCodeIsUniqueWhileDossiersWithoutOneTakeNoPartInIt() {
        assertThat(jdbc.sql("select indexdef from pg_indexes where tablename = 'dossier' and indexdef like '%(code)%'")
                .query(String.class).list())
                .containsExactly("CREATE UNIQUE INDEX dossier_code ON public.dossier USING btree (code) WHERE (code IS NOT NULL)");
        String code = "CODE-IDX-" + UUID.randomUUID();
        tx.executeWithoutResult(s -> {
            insert(UUID.randomUUID(), null);
            insert(UUID.randomUUID(), null);
            insert(UUID.randomUUID(), code);
            assertThat(jdbc.sql("select count(*) from dossier where procedure_code = 'P-CODE-IDX'").query(Long.class).single())
                    .isEqualTo(3);
            assertThatThrownBy(() -> insert(UUID.randomUUID(), code)).isInstanceOf(DuplicateKeyException.class);
            s.setRollbackOnly();
        });
    }

    @Test
    void aLookupByCodeReadsThePartialIndexEvenAsAGenericPlan() {
        List<String> plans = tx.execute(s -> {
            jdbc.sql("set local enable_seqscan = off").update();
            jdbc.sql("set local plan_cache_mode = force_generic_plan").update();
            jdbc.sql("prepare code_idx_lookup(text) as select id from dossier where code = $1").update();
            jdbc.sql("prepare code_idx_search(text, text) as select id from dossier where code = $1 or receipt_number = $2")
                    .update();
            String lookup = String.join("\n", jdbc.sql("explain execute code_idx_lookup('X')").query(String.class).list());
            String search = String.join("\n", jdbc.sql("explain execute code_idx_search('X', 'Y')").query(String.class).list());
            jdbc.sql("deallocate code_idx_lookup").update();
            jdbc.sql("deallocate code_idx_search").update();
            s.setRollbackOnly();
            return List.of(lookup, search);
        });
        assertThat(plans.get(0)).contains("dossier_code").doesNotContain("Seq Scan");
        assertThat(plans.get(1)).contains("dossier_code", "dossier_receipt_number").doesNotContain("Seq Scan");
    }
}
