package vn.motcua.dossier.bench;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.dossier.DossierState;
import vn.motcua.dossier.internal.DossierQueries;
import vn.motcua.dossier.internal.ProcessingQueries;
import vn.motcua.dossier.internal.RefusedHistory;
import vn.motcua.dossier.spi.QueueRisk;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;

/**
 * The officer-facing lists with N dossiers in the table (default 10,000,000; {@code -Dinbox.bench.dossiers=1000000}),
 * shaped like several years of a province: most dossiers closed, open work a small fraction received in the last weeks,
 * spread over the real agencies (the wards and departments) with a few big ones, among them UBND phường Sài Gòn, whose
 * demo officers' lists are measured. Each list is measured through the same query classes its page or API calls.
 * Run: {@code ./mvnw -Pbench test -Dtest=InboxBench}
 */
@IntegrationTest
class InboxBench {

    private static final String AGENCY = "UBND-26740";
    private static final int YEARS = 5;
    private static final int CHUNK = 1_000_000;

    @Autowired
    ReferenceData referenceData;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DossierQueries queries;
    @Autowired
    ProcessingQueries processing;
    @Autowired
    List<QueueRisk> risk;
    @Autowired
    Clock clock;
    @Autowired
    RefusedHistory refused;
    @Autowired
    vn.motcua.dossier.internal.LateWatch lateWatch;

    @Test
    void officerListsOverTenMillionDossiers() {
        referenceData.ensureAll();
        long n = Long.getLong("inbox.bench.dossiers", 10_000_000L);
        int runs = Integer.getInteger("inbox.bench.runs", 300);
        build(n);
        // A running system's late watch has already flagged the overdue work; its first pass over a fresh build (a
        // few thousand dossiers and steps at 1,000,000) would otherwise land in the middle of some list's timing.
        long w = System.nanoTime();
        var watched = lateWatch.watch(clock.instant());
        jdbc.sql("vacuum (analyze) dossier_step").update();
        jdbc.sql("vacuum (analyze) dossier").update();
        System.out.printf("BENCH inbox: late watch before timing: %s, then vacuum, %.1f s%n", watched, (System.nanoTime() - w) / 1e9);
        printSizes();

        String citizen = jdbc.sql("select submitted_by from dossier where submitted_by like 'ib-%' order by received_at desc limit 1")
                .query(String.class).single();
        var tracked = jdbc.sql("select code, right(applicant_phone, 4) from dossier where agency_code = ? and code is not null"
                        + " order by received_at desc limit 1 offset 500").param(AGENCY)
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)}).single();
        String name = jdbc.sql("select applicant_name from dossier where agency_code = ? and state = 'SUBMITTED' limit 1")
                .param(AGENCY).query(String.class).single();
        String unaccentedName = jdbc.sql("select unaccent(?)").param(name).query(String.class).single();
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh")));
        var receptionScope = processing.scope("tiepnhan", today);
        var handlingScope = processing.scope("chuyenvien", today);
        var leaderScope = processing.scope("lanhdao", today);
        List<String> agencies = List.of(AGENCY);

        Map<String, Supplier<Object>> lists = new LinkedHashMap<>();
        lists.put("reception inbox (page of 20 + counts)", () -> List.of(
                queries.inbox(agencies, List.of(DossierState.SUBMITTED), null, null,
                        DossierQueries.InboxSort.RECEPTION_DUE, 0, 20),
                queries.counts(agencies, clock.instant())));
        // The refused tab shows the last 90 days unless the officer asks for older ones (ReceptionController).
        lists.put("reception, refused tab (page of 20 + counts)", () -> List.of(
                queries.inbox(agencies, List.of(DossierState.REFUSED), null, null,
                        DossierQueries.InboxSort.RECEPTION_DUE, 0, 20, clock.instant().minus(java.time.Duration.ofDays(90))),
                queries.counts(agencies, clock.instant())));
        lists.put("reception, search by name without diacritics", () -> queries.inbox(agencies,
                List.of(DossierState.SUBMITTED), null, unaccentedName, DossierQueries.InboxSort.RECEPTION_DUE, 0, 20));
        lists.put("reception, refused tab searched by name", () -> queries.inbox(agencies,
                List.of(DossierState.REFUSED), null, unaccentedName, DossierQueries.InboxSort.RECEPTION_DUE, 0, 20,
                clock.instant().minus(java.time.Duration.ofDays(90))));
        // "Xem cũ hơn": the whole history newest first, a search reading at most RefusedHistory.SCAN refusals a page.
        lists.put("reception, refused, older ones asked, by name", () -> refused.older(agencies, unaccentedName, null, 20));
        lists.put("processing inbox, due order (page of 50)", () -> processing.seek("chuyenvien", handlingScope,
                ProcessingQueries.Filter.ALL, null, null, 50));
        lists.put("processing inbox, risk order (1,000 rows rated)", () -> risk.get(0).risks(processing.queue("chuyenvien",
                handlingScope, ProcessingQueries.Filter.ALL, null, 1000).stream()
                .map(r -> new QueueRisk.Work(r.dossierId(), r.procedureCode(), r.stepCode(),
                        r.stepDueAt() != null ? r.stepDueAt() : r.dueAt())).toList()));
        lists.put("leader's list, agency's open work (page of 50)", () -> processing.seek("lanhdao", leaderScope,
                ProcessingQueries.Filter.ALL, null, null, 50));
        lists.put("leader's approval queue (page of 50)", () -> processing.seek("lanhdao", leaderScope,
                ProcessingQueries.Filter.QUEUE, null, null, 50));
        // A code typed in full is an exact look-up (session 9 timed the last 6 characters, a substring search: that is
        // the "part of a code" line, bounded like the name search).
        lists.put("processing search by code", () -> processing.seek("chuyenvien", handlingScope,
                ProcessingQueries.Filter.ALL, tracked[0], null, 50));
        lists.put("processing search by part of a code", () -> processing.seek("chuyenvien", handlingScope,
                ProcessingQueries.Filter.ALL, tracked[0].substring(tracked[0].length() - 6), null, 50));
        lists.put("processing search by name", () -> processing.seek("chuyenvien", handlingScope,
                ProcessingQueries.Filter.ALL, unaccentedName, null, 50));
        // What /workbench/processing adds to its list on every request (the leader's: their workload table too).
        lists.put("processing page: counts by state, warned, workload", () -> List.of(
                processing.countsByState(leaderScope.agencies()),
                processing.warned("lanhdao", leaderScope),
                processing.workload(leaderScope.ledAgencies())));
        lists.put("citizen's my dossiers (page of 20)", () -> queries.submittedBy(citizen, 0, 20));
        lists.put("track by code", () -> queries.track(tracked[0], tracked[1]).orElseThrow());
        System.out.printf("BENCH inbox: scopes: reception %s, handling %s, leader %s%n", receptionScope.posts(),
                handlingScope.posts(), leaderScope.posts());

        String slowest = null;
        double slowestP95 = -1;
        for (var e : lists.entrySet()) {
            String stat0 = tableStats();
            Object sample = e.getValue().get();
            for (int i = 0; i < 30; i++) {
                e.getValue().get();
            }
            long[] nanos = new long[runs];
            for (int i = 0; i < runs; i++) {
                long s = System.nanoTime();
                e.getValue().get();
                nanos[i] = System.nanoTime() - s;
            }
            Arrays.sort(nanos);
            double p95 = nanos[runs * 95 / 100] / 1e6;
            System.out.printf("BENCH inbox: %-48s p50 %7.2f ms, p95 %7.2f ms, p99 %7.2f ms (%d runs; %s)%n", e.getKey(),
                    nanos[runs / 2] / 1e6, p95, nanos[runs * 99 / 100] / 1e6, runs, describe(sample));
            String stat1 = tableStats();
            if (!stat1.equals(stat0)) {
                System.out.printf("BENCH inbox:   meanwhile: %s -> %s%n", stat0, stat1);
            }
            if (p95 > slowestP95) {
                slowestP95 = p95;
                slowest = e.getKey();
            }
        }
        System.out.printf("BENCH inbox: slowest p95: %s (%.2f ms)%n", slowest, slowestP95);
        explain(slowest, citizen, unaccentedName, handlingScope);
        explainLeadersPage();
        explainPageCounts();
    }

    /** Rows written to and autovacuum/autoanalyze runs of the two tables so far: did anything run beside a list? */
    private String tableStats() {
        return String.join("; ", jdbc.sql("select relname || ' upd ' || n_tup_upd || ' ins ' || n_tup_ins || ' autovacuum '"
                + " || autovacuum_count || ' autoanalyze ' || autoanalyze_count from pg_stat_user_tables"
                + " where relname in ('dossier', 'dossier_step') order by relname").query(String.class).list());
    }

    private static String describe(Object sample) {
        if (sample instanceof ProcessingQueries.Seek<?> s) {
            return s.items().size() + " rows of " + (s.totalExact() ? "" : "more than ") + s.total()
                    + (s.searchBounded() ? ", search bounded" : "");
        }
        if (sample instanceof DossierQueries.Page<?> p) {
            return p.items().size() + " rows of " + p.total();
        }
        if (sample instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof DossierQueries.Page<?> p) {
            return p.items().size() + " rows of " + p.total() + ", " + l.get(1);
        }
        if (sample instanceof RefusedHistory.Page p) {
            return p.items().size() + " rows" + (p.searchBounded() ? ", search bounded" : "");
        }
        if (sample instanceof Map<?, ?> m) {
            return m.size() + " rated";
        }
        return "found";
    }

    /**
     * Several years of a province in receipt order (the BRIN index on received_at relies on it), one set-based insert
     * per million: the dossiers, then the steps — one open step per dossier in processing, one finished step per
     * returned dossier (its history for the risk ratings).
     */
    private void build(long n) {
        long existing = jdbc.sql("select count(*) from dossier where submitted_by like 'ib-%'").query(Long.class).single();
        if (existing >= n) {
            return;
        }
        List<String> codes = jdbc.sql("select code from territory_agency where valid_to is null and code <> ? order by code")
                .param(AGENCY).query(String.class).list();
        List<String> procedures = jdbc.sql("select code from catalogue_procedure order by code limit 40")
                .query(String.class).list();
        long t0 = System.nanoTime();
        for (long lo = existing + 1; lo <= n; lo += CHUNK) {
            long hi = Math.min(n, lo + CHUNK - 1);
            long c = System.nanoTime();
            jdbc.sql(INSERT_DOSSIERS).param("lo", lo).param("hi", hi).param("n", n)
                    .param("span", YEARS * 365L * 86400).param("now", java.sql.Timestamp.from(clock.instant()))
                    .param("agencies", codes.toArray(String[]::new)).param("big", AGENCY)
                    .param("procs", procedures.toArray(String[]::new)).update();
            System.out.printf("BENCH inbox: dossiers %,d–%,d in %.1f s%n", lo, hi, (System.nanoTime() - c) / 1e9);
        }
        long t1 = System.nanoTime();
        jdbc.sql(INSERT_STEPS).update();
        long t2 = System.nanoTime();
        jdbc.sql("vacuum analyze dossier").update();
        jdbc.sql("vacuum analyze dossier_step").update();
        System.out.printf("BENCH inbox: built %,d dossiers in %.1f s (dossiers %.1f s, steps %.1f s, vacuum analyze %.1f s)%n",
                n, (System.nanoTime() - t0) / 1e9, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (System.nanoTime() - t2) / 1e9);
        jdbc.sql("""
                select state, count(*) filter (where agency_code = :a), count(*) from dossier group by state order by 1""")
                .param("a", AGENCY)
                .query((rs, i) -> String.format("BENCH inbox: state %-22s %,10d in %s, %,12d in all", rs.getString(1),
                        rs.getLong(2), AGENCY, rs.getLong(3)))
                .list().forEach(System.out::println);
    }

    /*
     * Row g of n is received (n - g) / n of five years ago. Agencies: 6 % to UBND phường Sài Gòn, 4 % and 4 % to two
     * other big ones, the rest spread over every agency. States by age: the last day waits for reception (1 in 20
     * asked for a supplement); 60 % of the last 45 days are in processing (paused, result ready), the rest returned;
     * older ones returned, refused (6 %) or stopped (4 %), and 1 in 100 of the last year still open, overdue.
     */
    private static final String INSERT_DOSSIERS = """
            insert into dossier(id, code, receipt_number, procedure_code, procedure_name, channel, state, applicant_kind,
                applicant_name, applicant_phone, form_data, agency_code, agency_name, submitted_by, received_at,
                count_from, reception_due_at, accepted_at, due_at, closed_at)
            select gen_random_uuid(),
                   case when state in ('SUBMITTED', 'SUPPLEMENT_REQUESTED', 'REFUSED') then null
                        else agency || '-' || to_char(received, 'YYMMDD') || '-' || g end,
                   'IB' || g, proc, 'Thủ tục ' || proc, case when g % 3 = 0 then 'COUNTER' else 'ONLINE' end, state,
                   'PERSON',
                   (array['Nguyễn','Trần','Lê','Phạm','Hoàng','Huỳnh','Phan','Vũ','Võ','Đặng','Bùi','Đỗ','Hồ','Ngô','Dương'])[1 + g % 15]
                   || ' ' || (array['Văn','Thị','Minh','Ngọc','Quốc','Thanh','Hữu','Gia','Đức','Thu'])[1 + (g / 15) % 10]
                   || ' ' || (array['An','Bình','Cường','Dung','Giang','Hạnh','Khoa','Lợi','Mai','Nam','Oanh','Phúc',
                                    'Quyên','Sơn','Tâm','Uyên','Vinh','Xuân','Yến','Hùng'])[1 + (g / 150) % 20],
                   '09' || lpad((g % 100000000)::text, 8, '0'), convert_to('{}', 'UTF8'), agency, 'Cơ quan',
                   'ib-' || (g % greatest(1, :n / 4)), received, received, received + interval '1 day',
                   case when state in ('SUBMITTED', 'SUPPLEMENT_REQUESTED', 'REFUSED') then null else received + interval '4 hours' end,
                   case when state in ('SUBMITTED', 'SUPPLEMENT_REQUESTED', 'REFUSED') then null else received + interval '10 days' end,
                   case when state in ('RETURNED', 'REFUSED', 'STOPPED') then received + interval '8 days' end
            from (
                select g, received,
                       case when h < 60 then :big
                            when h < 100 then (cast(:agencies as text[]))[1]
                            when h < 140 then (cast(:agencies as text[]))[2]
                            else (cast(:agencies as text[]))[1 + (g * 7919) % cardinality(cast(:agencies as text[]))] end as agency,
                       (cast(:procs as text[]))[1 + (g * 31) % cardinality(cast(:procs as text[]))] as proc,
                       case when age < 86400 then case when g % 20 = 0 then 'SUPPLEMENT_REQUESTED' else 'SUBMITTED' end
                            when age < 45 * 86400 and k < 60 then
                                case when k < 3 then 'PROCESSING_PAUSED' when k < 12 then 'RESULT_READY' else 'ACCEPTED' end
                            when age < 45 * 86400 then 'RETURNED'
                            when age < 365 * 86400 and k = 99 then 'ACCEPTED'
                            when k < 6 then 'REFUSED'
                            when k < 10 then 'STOPPED'
                            else 'RETURNED' end as state
                from (
                    select g, (:n - g) * :span / :n as age, cast(:now as timestamptz) - ((:n - g) * :span / :n) * interval '1 second' as received,
                           (g * 2654435761) % 1000 as h, (g * 40503) % 100 as k
                    from generate_series(cast(:lo as bigint), cast(:hi as bigint)) g
                ) x
            ) y
            """;

    /*
     * Open steps: reception returns a result that is ready, the leader approves 1 in 10 of those in processing, the
     * handling officers hold the rest (1 in 3 of UBND phường Sài Gòn's claimed by its demo handling officer).
     * Finished steps: one per returned dossier, 1 to 5 days long.
     */
    private static final String INSERT_STEPS = """
            insert into dossier_step(dossier_id, seq, step_order, code, name, role, agency_code, quota_hours, opened_at,
                due_at, assignee, assignee_name, finished_at, finished_by, outcome, timeliness)
            select id, 1, 1, step, 'Bước ' || step, role, agency_code, 40, accepted_at, due_at,
                   case when finished is null and role = 'HANDLING' and agency_code = 'UBND-26740' and n % 3 = 0
                        then 'chuyenvien' end,
                   case when finished is null and role = 'HANDLING' and agency_code = 'UBND-26740' and n % 3 = 0
                        then 'Lê Văn Cường' end,
                   finished, case when finished is not null then 'bench' end,
                   case when finished is not null then 'DONE' end, case when finished is not null then 'ON_TIME' end
            from (
                select id, agency_code, accepted_at, due_at, n,
                       case when state = 'RESULT_READY' then 'RETURN' when state <> 'RETURNED' and n % 10 = 0 then 'APPROVAL'
                            else 'APPRAISAL' end as step,
                       case when state = 'RESULT_READY' then 'RECEPTION' when state <> 'RETURNED' and n % 10 = 0 then 'LEADER'
                            else 'HANDLING' end as role,
                       case when state = 'RETURNED' then accepted_at + (1 + n % 5) * interval '1 day' end as finished
                from (select d.*, cast(substr(receipt_number, 3) as bigint) as n from dossier d
                      where submitted_by like 'ib-%' and state in ('ACCEPTED', 'PROCESSING_PAUSED', 'RESULT_READY', 'RETURNED')) d
            ) s
            on conflict do nothing
            """;

    private void printSizes() {
        jdbc.sql("""
                select c.relname, pg_size_pretty(pg_relation_size(c.oid)), pg_relation_size(c.oid)
                from pg_class c where c.relname in ('dossier', 'dossier_step') or c.oid in (
                    select indexrelid from pg_index where indrelid in ('dossier'::regclass, 'dossier_step'::regclass))
                order by 3 desc""")
                .query((rs, i) -> String.format("BENCH inbox: size %-40s %s", rs.getString(1), rs.getString(2)))
                .list().forEach(System.out::println);
    }

    /**
     * Buffers of the leader's list (page of 50 + count, every role of the agency) as session 9 wrote it ("before":
     * sort all the agency's open steps, count them) and as the keyset page writes it ("after"), on the same data in
     * the same run: buffers do not depend on the machine's load, milliseconds do. Literal statements (the leader's
     * scope, so without the posts' EXISTS) of {@link ProcessingQueries}.
     */
    private void explainLeadersPage() {
        String row = "d.id, d.code, d.procedure_name, d.applicant_name, d.state, d.due_at, d.warning, d.version, s.name,"
                + " s.code, s.role, s.agency_code, s.assignee, s.assignee_name, s.due_at as step_due, s.warning, d.procedure_code";
        String queues = "unnest(array['UBND-26740', 'UBND-26740', 'UBND-26740'], array['RECEPTION', 'HANDLING', 'LEADER']) as k(agency, role)";
        Map<String, String> sql = new LinkedHashMap<>();
        sql.put("before, page", "select " + row + " from dossier_step s join dossier d on d.id = s.dossier_id"
                + " where s.finished_at is null and s.agency_code = any(array['UBND-26740'])"
                + " order by coalesce(s.due_at, d.due_at) nulls last, d.id limit 50 offset 0");
        sql.put("before, count", "select count(*) from dossier_step s where s.finished_at is null"
                + " and s.agency_code = any(array['UBND-26740'])");
        sql.put("after, page", "select x.* from " + queues + " cross join lateral (select " + row
                + " from dossier_step s join dossier d on d.id = s.dossier_id where s.finished_at is null"
                + " and s.agency_code = k.agency and s.role = k.role and s.due_at is not null"
                + " order by s.due_at, s.dossier_id limit 51) x order by x.step_due nulls last, x.id limit 51");
        sql.put("after, count", "select count(*) from (select 1 from " + queues + " cross join lateral (select 1"
                + " from dossier_step s where s.finished_at is null and s.agency_code = k.agency and s.role = k.role"
                + " limit 1001) x limit 1001) c");
        sql.put("before, refused tab by name (whole history)", "select count(*) from dossier where agency_code = 'UBND-26740'"
                + " and state = 'REFUSED' and lower(unaccent(applicant_name)) like '%nguyen van%'");
        sql.put("after, refused tab by name (last 90 days)", "select count(*) from dossier where agency_code = 'UBND-26740'"
                + " and state = 'REFUSED' and reception_due_at >= now() - interval '90 days'"
                + " and lower(unaccent(applicant_name)) like '%nguyen van%'");
        sql.forEach((what, s) -> {
            System.out.println("BENCH plan (" + what + "): " + s);
            jdbc.sql("explain (analyze, buffers) " + s).query(String.class).list()
                    .forEach(line -> System.out.println("BENCH plan (" + what + "): " + line));
        });
    }

    /** The plan of the dominant statement of the slowest list (the statements as the query classes write them). */
    private void explain(String list, String citizen, String name, ProcessingQueries.Scope scope) {
        List<String> sql = new ArrayList<>();
        if (list.startsWith("reception")) {
            String state = list.contains("refused") ? "REFUSED" : "SUBMITTED";
            sql.add("select count(*) from dossier where agency_code = 'UBND-26740' and state = '" + state + "'"
                    + (list.contains("name") ? " and lower(unaccent(applicant_name)) like '%' || lower(unaccent('" + name + "')) || '%'" : ""));
            sql.add("select * from dossier where agency_code = 'UBND-26740' and state = '" + state + "'"
                    + (list.contains("name") ? " and lower(unaccent(applicant_name)) like '%' || lower(unaccent('" + name + "')) || '%'" : "")
                    + " order by reception_due_at, received_at, id limit 20");
            sql.add("select count(*) filter (where state = 'SUBMITTED'), count(*) filter (where state = 'SUPPLEMENT_REQUESTED')"
                    + " from dossier where agency_code = any(array['UBND-26740']) and state in ('SUBMITTED', 'SUPPLEMENT_REQUESTED')");
        } else if (list.contains("risk")) {
            sql.add("""
                    select d.procedure_code || '|' || st.code, percentile_cont(0.5) within group (order by extract(epoch from st.finished_at - st.opened_at))
                    from dossier_step st join dossier d on d.id = st.dossier_id
                    where st.finished_at is not null and st.outcome = 'DONE' and d.received_at >= now() - interval '365 days'
                      and d.procedure_code = any(array(select distinct procedure_code from dossier where agency_code = 'UBND-26740' and state = 'ACCEPTED'))
                    group by 1""");
        } else if (list.startsWith("citizen")) {
            sql.add("select * from dossier where submitted_by = '" + citizen + "' order by received_at desc, id limit 20");
        } else {
            sql.add("""
                    select count(*) from dossier_step s join dossier d on d.id = s.dossier_id
                    where s.finished_at is null and (s.agency_code = any(array['UBND-26740']) or
                          exists (select 1 from unnest(array['UBND-26740'], array['HANDLING']) as p(agency, role)
                                  where p.agency = s.agency_code and p.role = s.role))""");
        }
        for (String s : sql) {
            System.out.println("BENCH plan of: " + s.replaceAll("\\s+", " "));
            jdbc.sql("explain (analyze, buffers) " + s).query(String.class).list()
                    .forEach(line -> System.out.println("BENCH plan: " + line));
        }
    }

    /**
     * Plans of what the processing page computes beside its list, as {@link ProcessingQueries} writes them since
     * session 11 (the leader's scope: every role of UBND-26740), and of the refused history's first searched page
     * ({@link RefusedHistory}), with the visibility map's state: an index-only scan visits the heap for pages not
     * all-visible. Session 10's statements and their buffers are in docs/dossier.md (run on main in the same sitting).
     */
    private void explainPageCounts() {
        String queues = "unnest(array['UBND-26740', 'UBND-26740', 'UBND-26740'], array['RECEPTION', 'HANDLING', 'LEADER']) as k(agency, role)";
        Map<String, String> sql = new LinkedHashMap<>();
        sql.put("counts by state, bounded", "select st, c from unnest(array['ACCEPTED', 'PROCESSING_PAUSED', 'RESULT_READY',"
                + " 'RETURNED', 'STOPPED']) st cross join lateral (select count(*) as c from (select 1 from dossier"
                + " where agency_code = any(array['UBND-26740']) and state = st limit 1001) z) n");
        sql.put("warned", "select c from (select count(*) as c from (select 1 from " + queues + " cross join lateral"
                + " (select 1 from dossier_step s where s.finished_at is null and s.agency_code = k.agency and s.role = k.role"
                + " and (s.warning is not null or s.dossier_warning is not null) limit 1001) x limit 1001) z) n");
        sql.put("workload", "select s.assignee, max(s.assignee_name), case when s.assignee is null then s.role end,"
                + " case when s.assignee is null then s.field_key end, count(*), count(*) filter (where s.warning = 'SOON'),"
                + " count(*) filter (where s.warning = 'LATE') from dossier_step s where s.finished_at is null"
                + " and s.agency_code = any(array['UBND-26740']) group by 1, 3, 4 order by s.assignee nulls first, 3, 4 nulls first");
        String tallies = vn.motcua.dossier.internal.StepTallies.OPEN.replace("cast(:ta as text[])", "array['UBND-26740']");
        sql.put("warned, from the step tallies (session 12)", "select coalesce(sum(s.warned), 0) from " + tallies
                + " s where exists (select 1 from " + queues + " where s.agency_code = k.agency and s.role = k.role)");
        sql.put("workload, from the step tallies (session 12)", "select assignee, max(assignee_name), case when assignee is null"
                + " then role end, case when assignee is null then field_key end, sum(open), sum(soon), sum(late) from "
                + tallies + " s group by 1, 3, 4 order by assignee nulls first, 3, 4 nulls first");
        String row = "d.id, d.code, d.procedure_name, d.applicant_name, d.state, d.due_at, d.warning, d.version, s.name,"
                + " s.code as step_code, s.role, s.agency_code, s.assignee, s.assignee_name, s.due_at as step_due, s.warning as sw, d.procedure_code";
        String handling = "unnest(array['UBND-26740'], array['HANDLING']) as k(agency, role)";
        String mine = "s.finished_at is null and s.agency_code = k.agency and s.role = k.role and s.due_at is not null"
                + " and (s.field_key is null or position('_HO_TICH_' in '_' || s.field_key || '_') > 0)";
        sql.put("risk order's rows (chuyenvien, up to 1,000)", "select x.* from " + handling + " cross join lateral (select "
                + row + " from dossier_step s join dossier d on d.id = s.dossier_id where " + mine
                + " order by s.due_at, s.dossier_id limit 1000) x order by x.step_due nulls last, x.id limit 1000");
        sql.put("search by part of a code (chuyenvien, first page)", "select x.* from " + handling + " cross join lateral (select "
                + row + " from (select * from dossier_step s where " + mine + " order by s.due_at, s.dossier_id limit 1000) s"
                + " join dossier d on d.id = s.dossier_id where true and (d.receipt_number = '123456' or d.code like '%123456%'"
                + " or lower(unaccent(d.applicant_name)) like '%' || lower(unaccent('123456')) || '%'"
                + " or regexp_replace(coalesce(d.applicant_phone, ''), '\\D', '', 'g') like '%123456%')"
                + " order by s.due_at, s.dossier_id limit 1001) x order by x.step_due nulls last, x.id limit 1001");
        sql.put("refused history, first page searched by name", """
                with r as materialized (
                    select x.*, row_number() over (order by x.reception_due_at desc, x.id desc) as rn
                    from unnest(array['UBND-26740']) ag cross join lateral (
                        select id, applicant_name, reception_due_at from dossier where agency_code = ag and state = 'REFUSED'
                          and reception_due_at is not null order by reception_due_at desc, id desc limit 1000) x
                    order by x.reception_due_at desc, x.id desc limit 1000),
                n as (select count(*) as scanned from r)
                select r.*, n.scanned from r, n where lower(unaccent(r.applicant_name)) like '%nguyen van%'
                   or r.rn = n.scanned order by r.rn limit 22""".replaceAll("\\s+", " "));
        jdbc.sql("select relname || ': pages ' || relpages || ', all-visible ' || relallvisible || ', tuples ' || reltuples::bigint"
                + " from pg_class where relname in ('dossier', 'dossier_step')").query(String.class).list()
                .forEach(l -> System.out.println("BENCH vm: " + l));
        sql.forEach((what, s) -> {
            System.out.println("BENCH plan (" + what + "): " + s);
            jdbc.sql("explain (analyze, buffers) " + s).query(String.class).list()
                    .forEach(line -> System.out.println("BENCH plan (" + what + "): " + line));
        });
    }
}
