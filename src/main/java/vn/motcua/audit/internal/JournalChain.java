package vn.motcua.audit.internal;

import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.audit.TransferJournalSeal;
import vn.motcua.audit.Verification;

/**
 * The third chain: one link per batch of a reorganisation whose journal rows are the history of its transfers
 * ({@code audit_journal_link}, V2_2). The link keeps the dossier ids and digests of the batch's rows in key order,
 * so the verifier names the row changed, removed or inserted. Digests are computed by PostgreSQL like the other
 * chains' ({@link Chain}: {@code quote_nullable} columns joined by commas, timestamps in microseconds).
 */
@Component
class JournalChain implements TransferJournalSeal {

    static final String NAME = "dossier_transfer";
    /** Serialises the links of batches committed side by side (two workers): held to the end of the batch's transaction. */
    private static final String LOCK = "select pg_advisory_xact_lock(hashtextextended('audit:" + NAME + "', 0))";

    private static String micro(String col) {
        return "quote_nullable(((extract(epoch from " + col + ") * 1000000)::bigint)::text)";
    }

    static final String ROW_DIGEST = "sha256(convert_to(concat_ws(',', quote_nullable(t.plan_id::text), "
            + "quote_nullable(t.batch_no::text), quote_nullable(t.dossier_id::text), quote_nullable(t.from_agency), "
            + "quote_nullable(t.to_agency), quote_nullable(t.to_agency_name), quote_nullable(t.rule), "
            + micro("t.effective") + ", " + micro("t.new_due_at") + ", quote_nullable(t.received_after_effective::text)), 'UTF8'))";

    static final String BATCH_DIGEST = "sha256(convert_to(concat_ws(',', quote_nullable(b.plan_id::text), "
            + "quote_nullable(b.batch_no::text), quote_nullable(b.moved::text), " + micro("b.done_at") + ", "
            + "quote_nullable(b.history_in_journal::text), quote_nullable(b.history_no::text), quote_nullable(b.actor), "
            + "quote_nullable(b.reason)), 'UTF8'))";

    private static final String DAY = "(b.done_at at time zone 'Asia/Ho_Chi_Minh')::date";

    private final JdbcTemplate jdbc;

    JournalChain(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What a link covers, read before its place in the chain is taken: the batch's day, its rows, their digest. */
    private record Part(LocalDate day, byte[] ids, byte[] digests, int rows, byte[] inner) {
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public int seal(UUID plan, int batchNo) {
        // The batch's part of the link (its rows' ids and digests, and their hash with the batch row's digest) does not
        // depend on the chain: computed before the lock, so that two workers' batches only queue for the chain's next
        // position and not for each other's 50,000 digests (docs/reorg.md, "Session 13").
        List<Part> parts = jdbc.query("with b as (select " + BATCH_DIGEST + " as h, " + DAY + " as day "
                        + "from dossier_transfer_batch b where b.plan_id = ? and b.batch_no = ?), "
                        + "r as (select coalesce(string_agg(uuid_send(t.dossier_id), ''::bytea order by t.dossier_id), ''::bytea) as ids, "
                        + "coalesce(string_agg(" + ROW_DIGEST + ", ''::bytea order by t.dossier_id), ''::bytea) as digests, "
                        + "count(*)::int as n from dossier_transfer t where t.plan_id = ? and t.batch_no = ?) "
                        + "select b.day, r.ids, r.digests, r.n, sha256(b.h || r.ids || r.digests) from b, r",
                (rs, i) -> new Part(rs.getObject(1, LocalDate.class), rs.getBytes(2), rs.getBytes(3), rs.getInt(4), rs.getBytes(5)),
                plan, batchNo, plan, batchNo);
        if (parts.isEmpty()) {
            throw new IllegalStateException("No batch " + plan + "/" + batchNo + " to seal");
        }
        Part part = parts.get(0);
        jdbc.queryForObject(LOCK, Object.class);
        Integer n = jdbc.queryForObject("with p as (select coalesce((select l.hash from audit_journal_link l where l.day = ? "
                + "order by l.pos desc limit 1), sha256(convert_to('motcua-audit/" + NAME + "/' || to_char(?::date, 'YYYY-MM-DD'), "
                + "'UTF8'))) as prev, coalesce((select max(l.pos) from audit_journal_link l where l.day = ?), 0) + 1 as pos) "
                + "insert into audit_journal_link (day, pos, plan_id, batch_no, row_count, ids, digests, hash) "
                + "select ?, p.pos, ?, ?, ?, ?, ?, sha256(p.prev || ?) from p returning row_count", Integer.class,
                part.day(), part.day(), part.day(), part.day(), plan, batchNo, part.rows(), part.ids(), part.digests(),
                part.inner());
        return n == null ? 0 : n;
    }

    record Link(int pos, UUID plan, int batchNo, byte[] ids, byte[] digests, byte[] hash, byte[] batchDigest) {
    }

    /** The day's links checked against the batches and journal rows as they are now; the first break, or null. */
    Verification.Broken verifyDay(LocalDate day, long[] rows) {
        List<Link> links = jdbc.query("select l.pos, l.plan_id, l.batch_no, l.ids, l.digests, l.hash, " + BATCH_DIGEST
                        + " from audit_journal_link l left join dossier_transfer_batch b on b.plan_id = l.plan_id "
                        + "and b.batch_no = l.batch_no where l.day = ? order by l.pos",
                (rs, i) -> new Link(rs.getInt(1), rs.getObject(2, UUID.class), rs.getInt(3), rs.getBytes(4),
                        rs.getBytes(5), rs.getBytes(6), rs.getBytes(7)), day);
        MessageDigest md = Hashes.sha256();
        byte[] previous = Hashes.genesis(NAME, day);
        int expectedPos = 1;
        for (Link l : links) {
            String batch = l.plan() + "/" + l.batchNo();
            if (l.pos() != expectedPos++) {
                return broken(batch, l, day, "GAP", null, l.hash());
            }
            if (l.batchDigest() == null) {
                return broken(batch, l, day, "MISSING", null, l.hash());
            }
            md.reset();
            md.update(l.batchDigest());
            md.update(l.ids());
            byte[] expected = Hashes.link(md, previous, md.digest(l.digests()));
            if (!Arrays.equals(expected, l.hash())) {
                return broken(batch, l, day, "CHANGED", expected, l.hash());
            }
            Verification.Broken row = verifyRows(l, day, rows);
            if (row != null) {
                return row;
            }
            previous = l.hash();
        }
        // A batch whose journal is its history must have its link: one without is not sealed (or was forged).
        return jdbc.query("select b.plan_id, b.batch_no from dossier_transfer_batch b where b.history_in_journal and "
                        + DAY + " = ? and not exists (select 1 from audit_journal_link l where l.plan_id = b.plan_id "
                        + "and l.batch_no = b.batch_no) order by b.plan_id, b.batch_no limit 1",
                rs -> rs.next() ? new Verification.Broken(NAME, rs.getString(1) + "/" + rs.getInt(2), null, rs.getInt(2), 0,
                        day, "GAP", null, null) : null, day);
    }

    /** The batch's rows now, merged in key order with the ids and digests the link keeps. */
    private Verification.Broken verifyRows(Link l, LocalDate day, long[] rows) {
        List<byte[][]> now = new ArrayList<>();
        jdbc.query("select uuid_send(t.dossier_id), " + ROW_DIGEST + " from dossier_transfer t "
                        + "where t.plan_id = ? and t.batch_no = ? order by t.dossier_id",
                rs -> {
                    now.add(new byte[][]{rs.getBytes(1), rs.getBytes(2)});
                }, l.plan(), l.batchNo());
        int sealed = l.ids().length / 16;
        int i = 0;
        int j = 0;
        while (i < sealed || j < now.size()) {
            byte[] id = i < sealed ? Arrays.copyOfRange(l.ids(), i * 16, i * 16 + 16) : null;
            byte[] digest = i < sealed ? Arrays.copyOfRange(l.digests(), i * 32, i * 32 + 32) : null;
            int c = id == null ? 1 : j >= now.size() ? -1 : Arrays.compareUnsigned(id, now.get(j)[0]);
            if (c < 0) {
                return broken(uuid(id), l, day, "MISSING", null, digest);
            }
            if (c > 0) {
                return broken(uuid(now.get(j)[0]), l, day, "INSERTED", now.get(j)[1], null);
            }
            if (!Arrays.equals(digest, now.get(j)[1])) {
                return broken(uuid(id), l, day, "CHANGED", now.get(j)[1], digest);
            }
            rows[0]++;
            i++;
            j++;
        }
        return null;
    }

    private static String uuid(byte[] b) {
        var buf = java.nio.ByteBuffer.wrap(b);
        return new UUID(buf.getLong(), buf.getLong()).toString();
    }

    private static Verification.Broken broken(String id, Link l, LocalDate day, String reason, byte[] expected,
                                              byte[] stored) {
        return new Verification.Broken(NAME, id, null, l.batchNo(), l.pos(), day, reason, Hashes.hex(expected),
                Hashes.hex(stored));
    }
}
