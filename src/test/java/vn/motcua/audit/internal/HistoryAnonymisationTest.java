package vn.motcua.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.audit.HistoryAnonymisation;
import vn.motcua.audit.Verification;
import vn.motcua.support.IntegrationTest;

/**
 * A documented anonymisation of sealed history rows: the rows' personal parts are replaced, the re-seal is recorded
 * (append-only) and the verifier reports the rows as re-sealed, not broken; any other change to them — an edit after
 * the anonymisation, or putting the personal data back — is still found; a history already tampered with is not
 * anonymised (nothing changes). Each test writes on a far-future day of its own, as {@link AuditChainTest} does.
 */
@IntegrationTest
class HistoryAnonymisationTest {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String CITIZEN = "congdan.anhdanh";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ChainSealer sealer;
    @Autowired
    ChainVerifier verifier;
    @Autowired
    HistoryAnonymisation history;
    @Autowired
    TransactionTemplate tx;

    /** Event 1 by the citizen (submitted), the others by an officer; another dossier's events interleaved. */
    UUID history(LocalDate day, UUID other) {
        UUID dossier = UUID.randomUUID();
        for (int seq = 1; seq <= 4; seq++) {
            boolean citizen = seq == 1;
            insert(dossier, seq, day, seq * 2, citizen ? CITIZEN : "tiepnhan",
                    citizen ? "Nguyễn Văn Dân" : "Trần Thị Bình", "ghi chú số nhà 5 Lê Lợi " + seq);
            insert(other, seq, day, seq * 2 + 1, "tiepnhan", "Trần Thị Bình", "hồ sơ khác " + seq);
        }
        return dossier;
    }

    void insert(UUID dossier, int seq, LocalDate day, int second, String actor, String name, String reason) {
        jdbc.sql("""
                        insert into dossier_event(dossier_id, seq, at, type, state_from, state_to, actor, actor_name, reason, data)
                        values (?, ?, ?, 'NOTE', 'ACCEPTED', 'ACCEPTED', ?, ?, ?, '{"phone": "0912345678"}'::jsonb)""")
                .params(dossier, seq, java.sql.Timestamp.from(day.atTime(12, 0, second).atZone(VN).toInstant()), actor,
                        name, reason)
                .update();
    }

    HistoryAnonymisation.Resealed anonymise(UUID dossier, String reference) {
        return tx.execute(s -> history.anonymiseDossierHistory(dossier, CITIZEN, "RETENTION", reference, "quantri"));
    }

    @Test
    void anAnonymisedHistoryVerifiesAsReSealedAndAnEditAfterItIsFound() {
        LocalDate day = AuditChainTest.freshDay();
        UUID other = UUID.randomUUID();
        UUID dossier = history(day, other);
        sealer.sealAll();
        assertThat(verifier.verify(day, day).ok()).isTrue();
        long rootsBefore = jdbc.sql("select count(*) from audit_root where chain = 'dossier_event' and day = ?")
                .param(day).query(Long.class).single();
        String reference = UUID.randomUUID().toString();

        HistoryAnonymisation.Resealed r = anonymise(dossier, reference);
        assertThat(r.sealedRows()).isEqualTo(4);
        assertThat(r.id()).isNotNull();
        record Row(String actor, String name, String reason, String data) {
        }
        List<Row> rows = jdbc.sql("select actor, actor_name, reason, data::text from dossier_event where dossier_id = ? order by seq")
                .param(dossier).query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
        assertThat(rows).allSatisfy(x -> {
            assertThat(x.reason()).isNull();
            assertThat(x.data()).isEqualTo("{}");
        });
        assertThat(rows.get(0).actor()).isNotEqualTo(CITIZEN);
        assertThat(rows.get(0).name()).isEqualTo(HistoryAnonymisation.ANONYMOUS);
        assertThat(rows.get(1).actor()).isEqualTo("tiepnhan");
        assertThat(rows.get(1).name()).isEqualTo("Trần Thị Bình");
        assertThat(jdbc.sql("select count(*) from dossier_event where dossier_id = ? and reason like 'hồ sơ khác%'")
                .param(other).query(Long.class).single()).isEqualTo(4);

        // Verified: intact, with the re-seal named (why, which run, by whom, how many rows); the roots untouched.
        Verification v = verifier.verify(day, day);
        assertThat(v.ok()).as("%s", v.firstBroken()).isTrue();
        assertThat(v.rows()).isEqualTo(8);
        assertThat(v.resealed()).singleElement().satisfies(x -> {
            assertThat(x.reason()).isEqualTo("RETENTION");
            assertThat(x.reference()).isEqualTo(reference);
            assertThat(x.by()).isEqualTo("quantri");
            assertThat(x.rows()).isEqualTo(4);
        });
        assertThat(jdbc.sql("select count(*) from audit_root where chain = 'dossier_event' and day = ?").param(day)
                .query(Long.class).single()).isEqualTo(rootsBefore);
        // A second anonymisation finds nothing left to change.
        assertThat(anonymise(dossier, reference)).isEqualTo(new HistoryAnonymisation.Resealed(null, 0, 0));

        // The record is append-only.
        assertThatThrownBy(() -> jdbc.sql("update audit_reseal set reason = 'X' where id = ?").param(r.id()).update())
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_reseal_row where reseal_id = ?").param(r.id()).update())
                .rootCause().hasMessageContaining("append-only");

        // An SQL edit of an anonymised row after the re-seal is found and named.
        jdbc.sql("update dossier_event set reason = 'sửa sau' where dossier_id = ? and seq = 3").param(dossier).update();
        Verification edited = verifier.verify(day, day);
        assertThat(edited.ok()).isFalse();
        assertThat(edited.firstBroken().reason()).isEqualTo("CHANGED");
        assertThat(edited.firstBroken().id()).isEqualTo(dossier.toString());
        assertThat(edited.firstBroken().seq()).isEqualTo(3);
        jdbc.sql("update dossier_event set reason = null where dossier_id = ? and seq = 3").param(dossier).update();
        assertThat(verifier.verify(day, day).ok()).isTrue();

        // Putting the personal data back as it was sealed is a change too.
        jdbc.sql("update dossier_event set reason = 'ghi chú số nhà 5 Lê Lợi 2', data = '{\"phone\": \"0912345678\"}'::jsonb"
                + " where dossier_id = ? and seq = 2").param(dossier).update();
        Verification restored = verifier.verify(day, day);
        assertThat(restored.ok()).isFalse();
        assertThat(restored.firstBroken().seq()).isEqualTo(2);
        jdbc.sql("update dossier_event set reason = null, data = '{}'::jsonb where dossier_id = ? and seq = 2")
                .param(dossier).update();
        assertThat(verifier.verify(day, day).ok()).isTrue();
    }

    @Test
    void aHistoryTamperedWithBeforeIsNotAnonymised() {
        LocalDate day = AuditChainTest.freshDay();
        UUID dossier = history(day, UUID.randomUUID());
        sealer.sealAll();
        jdbc.sql("update dossier_event set reason = 'giả mạo' where dossier_id = ? and seq = 2").param(dossier).update();
        long reseals = jdbc.sql("select count(*) from audit_reseal").query(Long.class).single();

        assertThatThrownBy(() -> anonymise(dossier, "run-x")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(dossier.toString());
        assertThat(jdbc.sql("select count(*) from audit_reseal").query(Long.class).single()).isEqualTo(reseals);
        assertThat(jdbc.sql("select count(*) from dossier_event where dossier_id = ? and reason is not null")
                .param(dossier).query(Long.class).single()).isEqualTo(4);
        Verification v = verifier.verify(day, day);
        assertThat(v.ok()).isFalse();
        assertThat(v.firstBroken().seq()).isEqualTo(2);
        assertThat(v.resealed()).isEmpty();
    }
}
