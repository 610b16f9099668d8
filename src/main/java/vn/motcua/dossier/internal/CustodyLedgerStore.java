package vn.motcua.dossier.internal;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.audit.TransferJournalSeal;
import vn.motcua.dossier.CustodyLedger;

/**
 * Set-based implementation of {@link CustodyLedger}: the moves of an order are rows of {@code dossier_transfer}
 * (written by COPY), made batch by batch with one {@code UPDATE … FROM} each; {@code dossier_transfer_batch} records
 * the batches done.
 */
@Service
public class CustodyLedgerStore implements CustodyLedger {

    /** Open: not refused, not a draft, not closed. */
    static final String OPEN = "d.state not in ('REFUSED', 'DRAFT') and d.closed_at is null";
    /** The code of the agency holding the dossier (the triage owner while it has no competent agency). */
    static final String HOLDER = "coalesce(d.agency_code, d.triage_owner)";
    /** Since when the holder holds it. */
    static final String SINCE = "coalesce(d.agency_since, d.received_at)";

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate tx;
    /** A batch's journal rows are the history of its transfers (no TRANSFERRED event per dossier): docs/reorg.md. */
    private final boolean historyInJournal;
    private final TransferJournalSeal seal;

    CustodyLedgerStore(JdbcTemplate jdbc, DataSource dataSource, TransactionTemplate tx, TransferJournalSeal seal,
                       @Value("${motcua.dossier.transfer-history-in-journal:true}") boolean historyInJournal) {
        this.seal = seal;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.tx = tx;
        this.historyInJournal = historyInJournal;
    }

    /** Far enough in the future to stand for "no bound" in a timestamptz parameter. */
    private static final Timestamp NO_BOUND = Timestamp.from(Instant.parse("9999-12-31T00:00:00Z"));

    /**
     * The scope predicate (see {@link Scope}); six parameters, set by {@link #bindScope}. The continuing periods come as
     * three parallel arrays; the second disjunct is only evaluated for dossiers that came on or after the effective instant.
     */
    private static final String IN_SCOPE = HOLDER + " = any (?) and " + OPEN + " and (" + SINCE + " < ? or (" + SINCE
            + " < ? and not exists (select 1 from unnest(?::text[], ?::timestamptz[], ?::timestamptz[]) w(code, f, t) "
            + "where w.code = " + HOLDER + " and " + SINCE + " >= w.f and " + SINCE + " < coalesce(w.t, 'infinity'))))";

    private static int bindScope(java.sql.PreparedStatement ps, java.sql.Connection c, int at, Scope scope)
            throws java.sql.SQLException {
        ps.setArray(at, c.createArrayOf("text", scope.agencyCodes().toArray()));
        ps.setTimestamp(at + 1, Timestamp.from(scope.effective()));
        ps.setTimestamp(at + 2, scope.until() == null ? NO_BOUND : Timestamp.from(scope.until()));
        ps.setArray(at + 3, c.createArrayOf("text", scope.continuing().stream().map(Continuing::agencyCode).toArray()));
        ps.setArray(at + 4, c.createArrayOf("timestamptz", scope.continuing().stream()
                .map(w -> Timestamp.from(w.from())).toArray()));
        ps.setArray(at + 5, c.createArrayOf("timestamptz", scope.continuing().stream()
                .map(w -> w.to() == null ? null : Timestamp.from(w.to())).toArray()));
        return at + 6;
    }

    @Override
    public void forEachOpenHeldBy(Scope scope, Consumer<OpenDossier> each) {
        tx.executeWithoutResult(s -> jdbc.query(c -> {
            var ps = c.prepareStatement("select d.id, d.code, d.procedure_code, d.state, " + HOLDER + ", d.agency_code is null, "
                    + "d.received_at, d.due_at, d.address_unit_code, d.address_line, " + SINCE + " from dossier d "
                    + "where " + IN_SCOPE);
            bindScope(ps, c, 1, scope);
            ps.setFetchSize(20_000);
            // Binary results (a negative threshold forces them on the first execution): the ids and times arrive as
            // 16 and 8 bytes instead of text the driver parses, a million times per plan.
            ps.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(-1);
            return ps;
        }, (RowCallbackHandler) rs -> each.accept(new OpenDossier(rs.getObject(1, UUID.class), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getBoolean(6), instant(rs.getTimestamp(7)),
                instant(rs.getTimestamp(8)), rs.getString(9), rs.getString(10), instant(rs.getTimestamp(11))))));
    }

    @Override
    public Map<String, Long> countOpenHeldBy(Scope scope) {
        Map<String, Long> out = new LinkedHashMap<>();
        jdbc.query(c -> {
            var ps = c.prepareStatement("select d.state, count(*) from dossier d where " + IN_SCOPE
                    + " group by d.state order by d.state");
            bindScope(ps, c, 1, scope);
            return ps;
        }, (RowCallbackHandler) rs -> out.put(rs.getString(1), rs.getLong(2)));
        return out;
    }

    @Override
    public InFlight inFlight(Scope scope) {
        Map<String, java.util.Set<String>> procedures = new LinkedHashMap<>();
        long[] late = new long[1];
        jdbc.query(c -> {
            var ps = c.prepareStatement("select " + HOLDER + ", d.procedure_code, count(*) filter (where " + SINCE
                    + " >= ?) from dossier d where " + IN_SCOPE + " group by 1, 2 order by 1, 2");
            ps.setTimestamp(1, Timestamp.from(scope.effective()));
            bindScope(ps, c, 2, scope);
            return ps;
        }, (RowCallbackHandler) rs -> {
            procedures.computeIfAbsent(rs.getString(1), k -> new java.util.TreeSet<>()).add(rs.getString(2));
            late[0] += rs.getLong(3);
        });
        return new InFlight(procedures, late[0]);
    }

    @Override
    public int refreshAgencyNames(Map<String, String> namesByCode) {
        List<String> codes = new ArrayList<>(namesByCode.keySet());
        return jdbc.update(c -> {
            var ps = c.prepareStatement("update dossier d set agency_name = v.name, version = d.version + 1 "
                    + "from unnest(?::text[], ?::text[]) v(code, name) "
                    + "where d.agency_code = v.code and d.agency_name is distinct from v.name and " + OPEN);
            ps.setArray(1, c.createArrayOf("text", codes.toArray()));
            ps.setArray(2, c.createArrayOf("text", codes.stream().map(namesByCode::get).toArray()));
            return ps;
        });
    }

    @Override
    public long record(UUID order, Instant effective, int batchSize, Iterable<Move> transfers) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize");
        }
        Long n = tx.execute(s -> {
            // One journal per plan, even if two nodes start it at once.
            jdbc.queryForObject("select pg_advisory_xact_lock(hashtextextended(?, 0))", Object.class, "transfer:" + order);
            long existing = recorded(order);
            if (existing > 0) {
                return existing;
            }
            Connection c = DataSourceUtils.getConnection(dataSource);
            try {
                // One COPY for the whole journal, fed in pieces of about 1 MB of UTF-8 (it was a COPY per piece, each
                // from a Reader the driver encoded char by char).
                CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_JOURNAL);
                try {
                    JournalRows out = new JournalRows(copy, order, Timestamp.from(effective).toInstant().toString());
                    long rows = 0;
                    // A batch's rows are written in the journal's key order (plan_id, batch_no, dossier_id): each primary-key
                    // entry then goes to the index's rightmost page, instead of a random page of the batch's range.
                    List<Move> batch = new ArrayList<>(batchSize);
                    for (Move t : transfers) {
                        batch.add(t);
                        if (batch.size() == batchSize) {
                            out.write(rows / batchSize + 1, batch);
                            rows += batch.size();
                            batch.clear();
                        }
                    }
                    if (!batch.isEmpty()) {
                        out.write(rows / batchSize + 1, batch);
                        rows += batch.size();
                    }
                    out.flush();
                    copy.endCopy();
                    return rows;
                } finally {
                    if (copy.isActive()) {
                        copy.cancelCopy();
                    }
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            } finally {
                DataSourceUtils.releaseConnection(c, dataSource);
            }
        });
        jdbc.execute("analyze dossier_transfer");
        return n == null ? 0 : n;
    }

    /** PostgreSQL's order of uuid values: their 16 bytes compared unsigned. */
    static final java.util.Comparator<UUID> UUID_ORDER = (a, b) -> {
        int c = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return c != 0 ? c : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    };

    private static final String COPY_JOURNAL = "copy dossier_transfer (plan_id, batch_no, dossier_id, from_agency, "
            + "to_agency, to_agency_name, rule, effective, new_due_at, received_after_effective) from stdin";

    /** A value for PostgreSQL COPY text format (null as \\N, no tabs or line breaks). */
    static String esc(String s) {
        if (s == null) {
            return "\\N";
        }
        return s.replace("\\", "\\\\").replace("\t", " ").replace("\n", " ").replace("\r", " ");
    }

    @Override
    public long recorded(UUID order) {
        Long n = jdbc.queryForObject("select count(*) from dossier_transfer where plan_id = ?", Long.class, order);
        return n == null ? 0 : n;
    }

    @Override
    public Progress progress(UUID order) {
        Integer max = jdbc.queryForObject("select max(batch_no) from dossier_transfer where plan_id = ?", Integer.class, order);
        return jdbc.queryForObject("select count(*), coalesce(sum(moved), 0) from dossier_transfer_batch where plan_id = ?",
                (rs, i) -> new Progress(max == null ? 0 : max, rs.getInt(1), rs.getLong(2)), order);
    }

    @Override
    public List<Integer> pendingBatches(UUID order) {
        Integer max = jdbc.queryForObject("select max(batch_no) from dossier_transfer where plan_id = ?", Integer.class, order);
        if (max == null) {
            return List.of();
        }
        java.util.Set<Integer> done = new java.util.HashSet<>(jdbc.queryForList(
                "select batch_no from dossier_transfer_batch where plan_id = ?", Integer.class, order));
        List<Integer> out = new ArrayList<>();
        for (int b = 1; b <= max; b++) {
            if (!done.contains(b)) {
                out.add(b);
            }
        }
        return out;
    }

    /** A batch's moves: the dossiers take their journal rows' successor. Parameters: plan, batch. */
    private static final String MOVE = """
            update dossier d
               set agency_code   = case when d.agency_code is null then null else t.to_agency end,
                   agency_name   = case when d.agency_code is null then d.agency_name else t.to_agency_name end,
                   triage_owner  = case when d.agency_code is null then t.to_agency else d.triage_owner end,
                   agency_since  = greatest(t.effective, now()),
                   due_at        = coalesce(t.new_due_at, d.due_at),
                   version       = d.version + 1
              from dossier_transfer t
             where t.plan_id = ? and t.batch_no = ? and d.id = t.dossier_id
            """;

    @Override
    public int moveBatch(UUID order, int batchNo, String actor, String reason) {
        Integer moved = tx.execute(s -> {
            // One executor per batch, even across nodes: a second one waits, then finds nothing left to do.
            jdbc.queryForObject("select pg_advisory_xact_lock(hashtextextended(?, 0))", Object.class,
                    "transfer:" + order + ":" + batchNo);
            Integer done = jdbc.queryForObject("select count(*) from dossier_transfer_batch where plan_id = ? and batch_no = ?",
                    Integer.class, order, batchNo);
            // Ordered like the primary key, so the first row comes from the index (a bare LIMIT 1 let the planner
            // scan the whole journal from the start, since a batch's rows sit together near its end).
            List<Instant> eff = jdbc.query("select effective from dossier_transfer where plan_id = ? and batch_no = ? "
                            + "order by plan_id, batch_no, dossier_id limit 1",
                    (rs, i) -> rs.getTimestamp(1).toInstant(), order, batchNo);
            if (done != null && done > 0 || eff.isEmpty()) {
                return 0;
            }
            probeDossiersByKey();
            int n = historyInJournal ? jdbc.update(MOVE, order, batchNo) : jdbc.update("""
                    with moved as (
                    """ + MOVE + """
                        returning d.id, d.state, t.from_agency, t.to_agency, t.rule, t.effective, d.due_at,
                                  t.received_after_effective
                    )
                    insert into dossier_event (dossier_id, seq, at, type, state_from, state_to, actor, actor_name,
                                               actor_agency, reason, data)
                    select m.id, (select coalesce(max(e.seq), 0) + 1 from dossier_event e where e.dossier_id = m.id),
                           now(), 'TRANSFERRED', m.state, m.state, ?, null, m.to_agency, ?,
                           jsonb_build_object('plan', ?::text, 'from', m.from_agency, 'to', m.to_agency, 'rule', m.rule,
                                              'effective', m.effective, 'dueAt', m.due_at)
                           || case when m.received_after_effective then '{"receivedAfterEffective": true}'::jsonb
                                   else '{}'::jsonb end
                      from moved m
                    """, order, batchNo, actor, reason, order.toString());
            // The open processing step follows its dossier into the successor's queue; an assignment to an
            // officer of the closing agency ends (the successor's officers claim it), so nothing waits in a
            // queue nobody sees. (Also when the code string is reused by the successor: it is another agency.)
            // The step's field narrowing ends too: the successor's posts may cover other fields.
            jdbc.update("""
                    update dossier_step s set agency_code = d.agency_code, assignee = null, assignee_name = null,
                           assigned_at = null, field_key = null
                      from dossier_transfer t join dossier d on d.id = t.dossier_id
                     where t.plan_id = ? and t.batch_no = ? and s.dossier_id = t.dossier_id and s.finished_at is null
                       and d.agency_code is not null
                    """, order, batchNo);
            if (historyInJournal) {
                // One number of the history's sequence for the batch: the timeline orders its transfers by it.
                jdbc.update("insert into dossier_transfer_batch (plan_id, batch_no, moved, done_at, history_in_journal, "
                        + "history_no, actor, reason) values (?, ?, ?, now(), true, "
                        + "nextval(pg_get_serial_sequence('dossier_event', 'audit_no')), ?, ?)", order, batchNo, n, actor, reason);
                // The batch's link in the journal's audit chain, committed (or rolled back) with the batch.
                seal.seal(order, batchNo);
            } else {
                jdbc.update("insert into dossier_transfer_batch (plan_id, batch_no, moved, done_at) values (?, ?, ?, now())",
                        order, batchNo, n);
            }
            return n;
        });
        return moved == null ? 0 : moved;
    }

    /** The columns of {@link Moved}: journal {@code t}, dossier {@code d}, batch {@code b} (left join). */
    private static final String MOVED_COLUMNS = "t.batch_no, t.dossier_id, d.code, d.state, d.procedure_name, "
            + "d.applicant_name, d.applicant_email, t.from_agency, t.to_agency, t.to_agency_name, t.rule, d.due_at, t.effective";
    private static final String MOVED = MOVED_COLUMNS + ", b.done_at "
            + "from dossier_transfer_now t join dossier d on d.id = t.dossier_id "
            + "left join dossier_transfer_batch b on b.plan_id = t.plan_id and b.batch_no = t.batch_no ";

    private static Moved moved(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Moved(rs.getInt(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                instant(rs.getTimestamp(12)), instant(rs.getTimestamp(13)), instant(rs.getTimestamp(14)));
    }

    @Override
    public Optional<Moved> move(UUID order, UUID dossierId) {
        Integer[] batches = batchNumbers(order);
        if (batches.length == 0) {
            return Optional.empty();
        }
        return jdbc.query(con -> {
            var ps = con.prepareStatement("select " + MOVED
                    + "where t.plan_id = ? and t.batch_no = any (?) and t.dossier_id = ?");
            ps.setObject(1, order);
            ps.setArray(2, con.createArrayOf("int4", batches));
            ps.setObject(3, dossierId);
            return ps;
        }, (rs, i) -> moved(rs)).stream().findFirst();
    }

    @Override
    public List<Moved> moves(UUID order, int afterBatch, UUID afterDossier, int limit) {
        return tx.execute(s -> {
            // The batches' times apart, read once per page: joined per row they cost three more index probes per move
            // (a plan's notices page through up to a million moves; figures in docs/reorg.md, "Session 8").
            Map<Integer, Instant> done = new java.util.HashMap<>();
            jdbc.query("select batch_no, done_at from dossier_transfer_batch where plan_id = ?",
                    (RowCallbackHandler) rs -> done.put(rs.getInt(1), instant(rs.getTimestamp(2))), order);
            probeDossiersByKey();
            // Keyset over the journal's primary key (plan_id, batch_no, dossier_id): each page is one index range.
            return jdbc.query("select " + MOVED_COLUMNS + ", null::timestamptz from dossier_transfer_now t join dossier d on d.id = t.dossier_id "
                            + "where t.plan_id = ? and (t.batch_no, t.dossier_id) > (?, ?) "
                            + "order by t.plan_id, t.batch_no, t.dossier_id limit ?", (rs, i) -> {
                        Moved m = moved(rs);
                        return new Moved(m.batchNo(), m.dossierId(), m.code(), m.state(), m.procedureName(),
                                m.applicantName(), m.applicantEmail(), m.fromAgency(), m.toAgency(), m.toAgencyName(),
                                m.basis(), m.dueAt(), m.effective(), done.get(m.batchNo()));
                    },
                    order, afterBatch, afterDossier == null ? new UUID(Long.MIN_VALUE, Long.MIN_VALUE) : afterDossier, limit);
        });
    }

    /**
     * 1 … the plan's highest batch: with every batch number listed, the journal's key {@code (plan_id, batch_no,
     * dossier_id)} finds one dossier's row with one probe per batch instead of reading the plan's whole journal.
     */
    private Integer[] batchNumbers(UUID order) {
        Integer max = jdbc.queryForObject("select max(batch_no) from dossier_transfer where plan_id = ?", Integer.class, order);
        return java.util.stream.IntStream.rangeClosed(1, max == null ? 0 : max).boxed().toArray(Integer[]::new);
    }

    @Override
    public boolean moveOne(UUID order, UUID dossierId, String fromAgency, String toAgency, String toAgencyName,
                           String basis, Instant effective, String actor, String reason) {
        Boolean done = tx.execute(s -> {
            Integer n = jdbc.queryForObject("""
                    with moved as (
                        update dossier d
                           set agency_code  = case when d.agency_code is null then null else ? end,
                               agency_name  = case when d.agency_code is null then d.agency_name else ? end,
                               triage_owner = case when d.agency_code is null then ? else d.triage_owner end,
                               agency_since = greatest(?, now()), version = d.version + 1
                         where d.id = ? and coalesce(d.agency_code, d.triage_owner) = ?
                           and d.state not in ('REFUSED', 'DRAFT') and d.closed_at is null
                        returning d.id, d.state, d.due_at
                    ), history as (
                        insert into dossier_event (dossier_id, seq, at, type, state_from, state_to, actor, actor_agency, reason, data)
                        select m.id, (select coalesce(max(e.seq), 0) + 1 from dossier_event e where e.dossier_id = m.id),
                               now(), 'TRANSFERRED', m.state, m.state, ?, ?, ?,
                               jsonb_build_object('plan', ?::text, 'from', ?::text, 'to', ?::text, 'rule', ?::text, 'dueAt', m.due_at)
                          from moved m
                    )
                    select count(*) from moved
                    """, Integer.class,
                    toAgency, toAgencyName, toAgency, Timestamp.from(effective), dossierId, fromAgency,
                    actor, toAgency, reason, order.toString(), fromAgency, toAgency, basis);
            if (n == null || n != 1) {
                return false;
            }
            jdbc.update("""
                    update dossier_step s set agency_code = d.agency_code, assignee = null, assignee_name = null,
                           assigned_at = null, field_key = null
                      from dossier d where d.id = ? and s.dossier_id = d.id and s.finished_at is null
                       and d.agency_code is not null
                    """, dossierId);
            // A row of its own: the journal row stays as its batch's audit link sealed it (dossier_transfer_now reads
            // the journal as the latest decision left it).
            jdbc.update("insert into dossier_transfer_decision (plan_id, dossier_id, to_agency, to_agency_name, rule, "
                    + "decided_at) values (?, ?, ?, ?, ?, now())", order, dossierId, toAgency, toAgencyName, basis);
            return true;
        });
        return Boolean.TRUE.equals(done);
    }

    /**
     * For the rest of the transaction: join a batch's journal rows to their dossiers through the primary key. A batch is
     * 5 % of a large table, and with default costs the planner read all of it (hash join over a sequential scan; the
     * journal's hash spilled to disk with the default working memory). Figures: docs/reorg.md.
     */
    private void probeDossiersByKey() {
        jdbc.execute("set local enable_hashjoin = off; set local enable_mergejoin = off; set local work_mem = '64MB'");
    }

    @Override
    public StillOpen stillOpen(UUID order, String basis) {
        Map<String, Long> byState = new LinkedHashMap<>();
        long[] held = new long[1];
        jdbc.query("select d.state, count(*), count(*) filter (where t.rule = ? and " + HOLDER + " = t.to_agency "
                        + "and b.batch_no is not null) from dossier_transfer_now t join dossier d on d.id = t.dossier_id "
                        + "left join dossier_transfer_batch b on b.plan_id = t.plan_id and b.batch_no = t.batch_no "
                        + "where t.plan_id = ? and " + OPEN + " group by d.state order by d.state",
                (RowCallbackHandler) rs -> {
                    byState.put(rs.getString(1), rs.getLong(2));
                    held[0] += rs.getLong(3);
                }, basis, order);
        return new StillOpen(byState, held[0]);
    }

    @Override
    public Tally tally(UUID order, String basis) {
        // Grouped by flow and state: a few thousand groups at most (agencies x states), summed up here.
        Map<List<String>, Long> flows = new LinkedHashMap<>();
        Map<String, Long> byState = new java.util.TreeMap<>();
        long[] sums = new long[2];
        jdbc.query("select t.from_agency, t.to_agency, t.rule, d.state, coalesce(" + OPEN + ", false), count(*), "
                        + "count(*) filter (where " + OPEN + " and t.rule = ? and " + HOLDER + " = t.to_agency "
                        + "and b.batch_no is not null) from dossier_transfer_now t left join dossier d on d.id = t.dossier_id "
                        + "left join dossier_transfer_batch b on b.plan_id = t.plan_id and b.batch_no = t.batch_no "
                        + "where t.plan_id = ? group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4",
                (RowCallbackHandler) rs -> {
                    long n = rs.getLong(6);
                    flows.merge(java.util.Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3)), n, Long::sum);
                    sums[0] += n;
                    if (rs.getBoolean(5)) {
                        byState.merge(rs.getString(4), n, Long::sum);
                    }
                    sums[1] += rs.getLong(7);
                }, basis, order);
        List<Flow> list = new java.util.ArrayList<>(flows.size());
        flows.forEach((k, n) -> list.add(new Flow(k.get(0), k.get(1), k.get(2), n)));
        return new Tally(list, sums[0], new StillOpen(byState, sums[1]));
    }

    @Override
    public void forEachMove(UUID order, Consumer<Moved> each) {
        tx.executeWithoutResult(s -> jdbc.query(c -> {
            var ps = c.prepareStatement("select " + MOVED + "where t.plan_id = ? order by t.batch_no, t.dossier_id");
            ps.setObject(1, order);
            ps.setFetchSize(20_000);
            return ps;
        }, (RowCallbackHandler) rs -> each.accept(moved(rs))));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
