package vn.motcua.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.audit.Verification;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;

/**
 * The tamper test: rows of the history and of the access log are chained by the sealer; editing one with SQL, or
 * deleting one, is found by the verifier, which names the row. Each test writes its rows on a day of its own (far in
 * the future), so what other tests do to the shared database does not show in its chains.
 */
@IntegrationTest
class AuditChainTest {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ChainSealer sealer;
    @Autowired
    ChainVerifier verifier;
    @Autowired
    DataSource dataSource;
    @Autowired
    JsonMapper json;

    static LocalDate freshDay() {
        return LocalDate.of(2040, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(20_000));
    }

    /** Events of a dossier (no foreign key on the history, V44_2) at noon of {@code day}. */
    UUID history(LocalDate day, int events) {
        UUID dossier = UUID.randomUUID();
        for (int seq = 1; seq <= events; seq++) {
            jdbc.sql("""
                            insert into dossier_event(dossier_id, seq, at, type, state_from, state_to, actor, actor_name, reason, data)
                            values (?, ?, ?, 'NOTE', 'ACCEPTED', 'ACCEPTED', 'tiepnhan', 'Trần Thị Bình', ?, '{"k": 1}'::jsonb)
                            """)
                    .params(dossier, seq, java.sql.Timestamp.from(day.atTime(12, 0, seq).atZone(VN).toInstant()),
                            seq == 2 ? null : "ghi chú " + seq)
                    .update();
        }
        return dossier;
    }

    @Test
    void historyRewrittenWhileTheSealingIsHeldOffIsChainedAsItEndsUp() {
        LocalDate day = freshDay();
        String linked = "select count(*) from audit_link where chain = 'dossier_event' and source_id = ?";
        UUID dossier = sealer.during(() -> {
            UUID d = history(day, 3);
            // Every node's rounds skip while the hold lasts (another connection, as another node's would be).
            assertThat(sealer.sealAll(false)).isZero();
            assertThat(jdbc.sql(linked).param(d.toString()).query(Long.class).single()).isZero();
            // What the demo data does once its history is written: move it back by whole weeks.
            jdbc.sql("update dossier_event set at = at - interval '7 days' where dossier_id = ?").param(d).update();
            return d;
        });
        sealer.sealAll();
        assertThat(jdbc.sql(linked).param(dossier.toString()).query(Long.class).single()).isEqualTo(3);
        Verification v = verifier.verify(day.minusDays(7), day);
        assertThat(v.ok()).as("%s", v).isTrue();
        assertThat(v.rows()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from audit_link where chain = 'dossier_event' and source_id = ? and day = ?")
                .params(dossier.toString(), day.minusDays(7)).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void anEditedHistoryRowIsFoundAndNamed() {
        LocalDate day = freshDay();
        UUID dossier = history(day, 4);
        sealer.sealAll();
        Verification clean = verifier.verify(day, day);
        assertThat(clean.ok()).isTrue();
        assertThat(clean.rows()).isEqualTo(4);
        assertThat(clean.firstBroken()).isNull();

        // One row edited with SQL, as someone with database access would: the reason of event 3.
        jdbc.sql("update dossier_event set reason = 'đã sửa' where dossier_id = ? and seq = 3").param(dossier).update();

        Verification v = verifier.verify(day.minusDays(1), day.plusDays(1));
        assertThat(v.ok()).isFalse();
        Verification.Broken b = v.firstBroken();
        assertThat(b.table()).isEqualTo("dossier_event");
        assertThat(b.id()).isEqualTo(dossier.toString());
        assertThat(b.seq()).isEqualTo(3);
        assertThat(b.day()).isEqualTo(day);
        assertThat(b.position()).isEqualTo(3);
        assertThat(b.reason()).isEqualTo("CHANGED");
        assertThat(b.expected()).hasSize(64).isNotEqualTo(b.stored());
        assertThat(b.stored()).hasSize(64);

        // Put back as it was: the chain matches again (the hash covers the content, nothing else).
        jdbc.sql("update dossier_event set reason = 'ghi chú 3' where dossier_id = ? and seq = 3").param(dossier).update();
        assertThat(verifier.verify(day, day).ok()).isTrue();

        // A NULL is not an empty string.
        jdbc.sql("update dossier_event set reason = '' where dossier_id = ? and seq = 2").param(dossier).update();
        assertThat(verifier.verify(day, day).firstBroken()).satisfies(x -> assertThat(x.seq()).isEqualTo(2));
    }

    @Test
    void aDeletedHistoryRowIsFound() {
        LocalDate day = freshDay();
        UUID dossier = history(day, 3);
        sealer.sealAll();
        jdbc.sql("delete from dossier_event where dossier_id = ? and seq = 2").param(dossier).update();
        Verification v = verifier.verify(day, day);
        assertThat(v.ok()).isFalse();
        assertThat(v.firstBroken().reason()).isEqualTo("MISSING");
        assertThat(v.firstBroken().id()).isEqualTo(dossier.toString());
        assertThat(v.firstBroken().seq()).isEqualTo(2);
    }

    @Test
    void aMovedRowIsFoundOnItsDay() {
        LocalDate day = freshDay();
        UUID dossier = history(day, 2);
        sealer.sealAll();
        jdbc.sql("update dossier_event set at = at - interval '1 minute' where dossier_id = ? and seq = 1").param(dossier).update();
        assertThat(verifier.verify(day, day).firstBroken()).satisfies(b -> {
            assertThat(b.seq()).isEqualTo(1);
            assertThat(b.reason()).isEqualTo("CHANGED");
        });
    }

    @Test
    void anEditedAccessLogRowIsFoundThoughTheTableRefusesEdits() throws Exception {
        LocalDate day = freshDay();
        UUID dossier = UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            jdbc.sql("""
                    insert into access_log(at, dossier_id, who, who_name, agency, post, what, purpose)
                    values (?, ?, 'chuyenvien', 'Lê Văn Cường', 'UBND-26740', 'Chuyên viên', 'DOSSIER', 'GET /workbench/processing/{id}')
                    """).params(java.sql.Timestamp.from(day.atTime(9, i).atZone(VN).toInstant()), dossier).update();
        }
        sealer.sealAll();
        assertThat(verifier.verify(day, day).ok()).isTrue();
        // Through the application's role the log cannot be edited at all ...
        assertThatThrownBy(() -> jdbc.sql("update access_log set who = 'x' where dossier_id = ?").param(dossier).update())
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from access_log where dossier_id = ?").param(dossier).update())
                .rootCause().hasMessageContaining("append-only");
        // ... nor can the chain or its roots.
        assertThatThrownBy(() -> jdbc.sql("update audit_link set hash = hash where day = ?").param(day).update())
                .rootCause().hasMessageContaining("append-only");
        jdbc.sql("insert into audit_root(chain, day, revision, row_count, root) values ('test', ?, 1, 0, '\\x00')").param(day).update();
        assertThatThrownBy(() -> jdbc.sql("delete from audit_root where chain = 'test' and day = ?").param(day).update())
                .rootCause().hasMessageContaining("append-only");
        // A superuser who switches the triggers off gets past it, and the verifier finds what they changed.
        long id;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("set session_replication_role = replica");
            id = jdbc.sql("select min(id) from access_log where dossier_id = ?").param(dossier).query(Long.class).single() + 1;
            s.executeUpdate("update access_log set who_name = 'Người khác' where id = " + id);
            s.execute("set session_replication_role = origin");
        }
        Verification v = verifier.verify(day, day);
        assertThat(v.firstBroken().table()).isEqualTo("access_log");
        assertThat(v.firstBroken().id()).isEqualTo(Long.toString(id));
        assertThat(v.firstBroken().position()).isEqualTo(2);
    }

    /**
     * The mark moves while rounds are full (a reorganisation's batches): a row whose number was taken before a full
     * round's rows but that commits after they were linked must still be linked, on its own day.
     */
    @Test
    void aRowCommittedAfterFullRoundsOfLaterRowsIsStillLinked() throws Exception {
        LocalDate early = freshDay();
        LocalDate many = freshDay();
        long lateNo;
        try (Connection open = dataSource.getConnection()) {
            open.setAutoCommit(false);
            lateNo = uncommittedRow(open, early);
            // More than a round's worth of later numbers, committed and linked while the early one is still open.
            committedRows(many, 0, ChainSealer.BATCH + 500);
            sealer.sealAll();
            sealer.sealAll();
            assertThat(jdbc.sql("select count(*) from audit_link where chain = 'dossier_event' and day = ?").param(many)
                    .query(Integer.class).single()).isEqualTo(ChainSealer.BATCH + 500);
            assertThat(jdbc.sql("select low_water from audit_cursor where chain = 'dossier_event'").query(Long.class).single())
                    .isLessThan(lateNo);
            open.commit();
        }
        // Scheduled rounds and a caller that waits read the same way: above the largest number linked, and the gaps.
        sealer.sealAll(false);
        history(many, 1);
        sealer.sealAll(false);
        sealer.sealAll();
        assertThat(jdbc.sql("select day from audit_link where chain = 'dossier_event' and source_no = ?").param(lateNo)
                .query(LocalDate.class).single()).isEqualTo(early);
        assertThat(verifier.verify(early, early).ok()).isTrue();
        assertThat(verifier.verify(many, many).ok()).isTrue();
        assertThat(jdbc.sql("select count(*) from audit_link where chain = 'dossier_event' and day = ?").param(many)
                .query(Integer.class).single()).isEqualTo(ChainSealer.BATCH + 501);
    }

    /**
     * What the 10 s re-read from the mark used to guarantee, now the gap list's: a row numbered early, held open across
     * several rounds while later rows are linked, is remembered as a gap of its own (the rows linked around it are not
     * read again) and linked by the first round after its commit.
     */
    @Test
    void aRowCommittedLateInsideAGapIsLinkedByTheNextRoundWithoutAFullReRead() throws Exception {
        LocalDate early = freshDay();
        LocalDate many = freshDay();
        long lateNo;
        try (Connection open = dataSource.getConnection()) {
            open.setAutoCommit(false);
            lateNo = uncommittedRow(open, early);
            for (int round = 0; round < 4; round++) { // later rows committed and linked, round after round
                committedRows(many, round, 1000);
                sealer.sealAll();
            }
            long top = jdbc.sql("select max(source_no) from audit_link where chain = 'dossier_event'").query(Long.class).single();
            assertThat(top).isGreaterThan(lateNo + 4000 - 1);
            // The late number is in a gap; the 4,000 rows linked above it are in none, so no round reads them again.
            assertThat(jdbc.sql("select count(*) from audit_gap where chain = 'dossier_event' and ? between lo and hi")
                    .param(lateNo).query(Integer.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("""
                    select coalesce(sum(least(hi, ?) - greatest(lo, ?) + 1), 0) from audit_gap
                    where chain = 'dossier_event' and hi >= ? and lo <= ?""").params(top, lateNo, lateNo, top)
                    .query(Long.class).single()).isLessThan(100L);
            assertThat(jdbc.sql("select low_water from audit_cursor where chain = 'dossier_event'").query(Long.class).single())
                    .isLessThan(lateNo);
            assertThat(jdbc.sql("select count(*) from audit_link where chain = 'dossier_event' and source_no = ?").param(lateNo)
                    .query(Integer.class).single()).isZero();
            open.commit();
        }
        sealer.sealAll(); // the next round
        assertThat(jdbc.sql("select day from audit_link where chain = 'dossier_event' and source_no = ?").param(lateNo)
                .query(LocalDate.class).single()).isEqualTo(early);
        assertThat(jdbc.sql("select count(*) from audit_gap where chain = 'dossier_event' and ? between lo and hi")
                .param(lateNo).query(Integer.class).single()).isZero();
        assertThat(verifier.verify(early, early).ok()).isTrue();
        assertThat(verifier.verify(many, many).rows()).isEqualTo(4000);
    }

    @Test
    void aRowSealedIntoAClosedDayExtendsItsChainWithANewRoot() {
        LocalDate day = LocalDate.of(2020, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(1500)); // a past day
        history(day, 2);
        sealer.sealAll();
        assertThat(jdbc.sql("select count(*) from audit_root where chain = 'dossier_event' and day = ?").param(day)
                .query(Integer.class).single()).isEqualTo(1);
        history(day, 1); // a late commit into the same day
        sealer.sealAll();
        assertThat(jdbc.sql("select max(revision) || '/' || max(row_count) from audit_root where chain = 'dossier_event' and day = ?")
                .param(day).query(String.class).single()).isEqualTo("2/3");
        assertThat(verifier.verify(day, day).ok()).isTrue();
    }

    @Test
    void theApiIsForAuditorsOnly() {
        LocalDate day = freshDay();
        UUID dossier = history(day, 2);
        Http http = new Http(port);
        String path = "/api/v1/audit/verify?from=" + day + "&to=" + day;
        var ok = http.getAs("kiemtra", "demo", path);
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().get("ok").asBoolean()).isTrue();
        assertThat(ok.json().get("rows").asLong()).isEqualTo(2);
        assertThat(ok.json().has("firstBroken")).isTrue();
        assertThat(ok.json().get("firstBroken").isNull()).isTrue();
        for (String user : new String[]{"congdan", "tiepnhan", "chuyenvien", "lanhdao", "quantri"}) {
            assertThat(http.getAs(user, "demo", path).status()).as(user).isEqualTo(403);
        }
        assertThat(http.get(path).status()).isEqualTo(401);
        assertThat(http.getAs("kiemtra", "demo", "/api/v1/audit/verify?from=" + day + "&to=" + day.minusDays(1)).status())
                .isEqualTo(400);

        jdbc.sql("update dossier_event set type = 'ACCEPTED' where dossier_id = ? and seq = 1").param(dossier).update();
        var broken = http.getAs("kiemtra", "demo", path).json();
        assertThat(broken.get("ok").asBoolean()).isFalse();
        assertThat(broken.get("firstBroken").get("table").asString()).isEqualTo("dossier_event");
        assertThat(broken.get("firstBroken").get("id").asString()).isEqualTo(dossier.toString());
        assertThat(broken.get("firstBroken").get("seq").asInt()).isEqualTo(1);
        assertThat(broken.get("firstBroken").get("day").asString()).isEqualTo(day.toString());
    }

    @Test
    void theCommandLineVerifiesARangeAndExitsWithItsVerdict() {
        LocalDate day = freshDay();
        UUID dossier = history(day, 2);
        var cli = new AuditCommandLine(verifier, json, null, "");
        var out = new ByteArrayOutputStream();
        assertThat(cli.run(day + ".." + day.plusDays(1), new PrintStream(out, true, StandardCharsets.UTF_8))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"ok\":true", "\"rows\":2");
        jdbc.sql("delete from dossier_event where dossier_id = ? and seq = 1").param(dossier).update();
        out.reset();
        assertThat(cli.run(day.toString(), new PrintStream(out, true, StandardCharsets.UTF_8))).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"ok\":false", "MISSING", dossier.toString());
        assertThat(cli.run("2026-13-01", new PrintStream(new ByteArrayOutputStream()))).isEqualTo(2);
    }

    /** A row of {@code day} inserted in {@code open}'s transaction, not committed: its number in the history. */
    private static long uncommittedRow(Connection open, LocalDate day) throws java.sql.SQLException {
        try (var ps = open.prepareStatement("""
                insert into dossier_event(dossier_id, seq, at, type, state_to, actor, reason)
                values (?, 1, ?, 'NOTE', 'ACCEPTED', 'tiepnhan', 'muộn')
                returning audit_no""")) {
            ps.setObject(1, UUID.randomUUID());
            ps.setTimestamp(2, java.sql.Timestamp.from(day.atTime(9, 0).atZone(VN).toInstant()));
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** {@code n} rows of {@code day} from 08:{@code minute}, one millisecond apart, committed in one statement. */
    private void committedRows(LocalDate day, int minute, int n) {
        jdbc.sql("""
                insert into dossier_event(dossier_id, seq, at, type, state_to, actor, reason)
                select gen_random_uuid(), 1, ?::timestamptz + g * interval '1 millisecond', 'NOTE', 'ACCEPTED', 'tiepnhan', 'loạt'
                from generate_series(1, ?) g
                """).params(java.sql.Timestamp.from(day.atTime(8, minute).atZone(VN).toInstant()), n).update();
    }
}
