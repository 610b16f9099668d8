package vn.motcua.reporting;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.territory.AdministrativeUnit;

/**
 * The indicator bench's dossiers, written set-based (one {@code insert … select from generate_series} per million) and
 * <b>in receipt order</b>, as production writes them: the BRIN indexes the catch-up reads by
 * ({@code dossier_received_at_brin}, {@code dossier_closed_at_brin}, the result's returned / rated ranges, the history's
 * {@code dossier_event_at_brin}) are only fair then. Session 9's bench wrote a scrambled order and spanned every BRIN
 * range over the whole year.
 *
 * <p>Shape (the one the indicator tests check row by row on small sets): dossier g of n received at
 * {@code from + (g - 1) × span / n} by {@code UBND-<ward>} of the given wards in turn, procedure 1.001193; a fifth
 * online; with {@code closed}: decided after 3 days (two thirds) or 7 (a third; late against the 5-day appointment),
 * returned after 8 days (online delivery), a fifth rated after 9 days; 1 in 20 with one supplement pause of a day
 * (the appointment moves with it), 1 in 200 with a second one (counted late); history rows SUBMITTED, ACCEPTED and,
 * when closed, DECIDED, RESULT_RETURNED, RATED. Without {@code closed}: accepted and in flight (yesterday's day).
 */
final class IndicatorBenchData {

    static final int CHUNK = 1_000_000;

    private final JdbcClient jdbc;
    private final String[] wards;
    private final String[] names;

    IndicatorBenchData(JdbcClient jdbc, List<AdministrativeUnit> wards) {
        this.jdbc = jdbc;
        this.wards = wards.stream().map(AdministrativeUnit::code).toArray(String[]::new);
        this.names = wards.stream().map(AdministrativeUnit::name).toArray(String[]::new);
    }

    /** Inserts n dossiers tagged {@code tag-g} received over [from, from + spanSeconds); prints each million's time. */
    void build(String tag, long n, Instant from, long spanSeconds, boolean closed) {
        for (long lo = 1; lo <= n; lo += CHUNK) {
            long hi = Math.min(n, lo + CHUNK - 1);
            long t = System.nanoTime();
            jdbc.sql(closed ? CLOSED : IN_FLIGHT).param("lo", lo).param("hi", hi).param("n", n)
                    .param("span", spanSeconds).param("from", Timestamp.from(from)).param("tag", tag + "-")
                    .param("wards", wards).param("names", names).update();
            System.out.printf("IndicatorBench: %s dossiers %,d–%,d in %.1f s%n", tag, lo, hi,
                    (System.nanoTime() - t) / 1e9);
        }
    }

    /* One row per dossier in receipt order; h (a hash of the id) picks the outcome. */
    private static final String SOURCE = """
            with s as (
              select g, id, received, h, ward, ward_name,
                     case when h % 20 = 0 then interval '1 day' else interval '0' end
                     + case when h % 200 = 0 then interval '4 hours' else interval '0' end as paused
              from (
                select g, id, abs(hashtext(id::text)) as h,
                       cast(:from as timestamptz) + ((g - 1) * :span / :n) * interval '1 second' as received,
                       (cast(:wards as text[]))[1 + g % cardinality(cast(:wards as text[]))] as ward,
                       (cast(:names as text[]))[1 + g % cardinality(cast(:wards as text[]))] as ward_name
                from (select g, gen_random_uuid() as id from generate_series(cast(:lo as bigint), cast(:hi as bigint)) g) x
              ) y
            ),
            """;

    private static final String CLOSED = SOURCE + """
            ins as (
              insert into dossier (id, code, receipt_number, procedure_code, procedure_name, channel, state, applicant_kind,
                                   applicant_name, applicant_phone, address_line, agency_code, agency_name, submitted_by,
                                   received_at, count_from, accepted_at, due_at, closed_at)
              select id, 'UBND-' || ward || '-' || :tag || g, 'IB' || :tag || g, '1.001193', 'Đăng ký khai sinh',
                     case when h % 5 = 0 then 'ONLINE' else 'COUNTER' end, 'RETURNED', 'PERSON', :tag || g, '0900000000',
                     '1 Đường Thử', 'UBND-' || ward, 'UBND ' || ward_name, 'bulk', received, received, received,
                     received + interval '5 days' + paused, received + interval '8 days' + paused
              from s order by g
              returning id, received_at, agency_code, due_at, closed_at
            ),
            res as (
              insert into dossier_result (dossier_id, outcome, summary, file_name, content_type, content, generated,
                                          decided_by, decided_at, returned_at, returned_by, delivery, rating, rated_at)
              select id, 'APPROVED', 'x', 'kq.pdf', 'application/pdf', '\\x00'::bytea, true, 'bench',
                     received_at + case when abs(hashtext(id::text)) % 3 = 0 then interval '7 days' else interval '3 days' end
                     + (due_at - received_at - interval '5 days'),
                     closed_at, 'bench', 'ONLINE',
                     case when abs(hashtext(id::text)) % 5 = 1 then 1 + abs(hashtext(id::text)) % 7 % 5 end,
                     case when abs(hashtext(id::text)) % 5 = 1 then closed_at + interval '1 day' end
              from ins
            ),
            pz as (
              -- the supplement pauses (the appointment above moved with them): a day, and 1 in 200 four more hours
              insert into dossier_pause (dossier_id, paused_at, resumed_at)
              select id, received_at + interval '1 day', received_at + interval '2 days'
              from ins where due_at - received_at > interval '5 days'
              union all
              select id, received_at + interval '2 days 1 hour', received_at + interval '2 days 5 hours'
              from ins where due_at - received_at > interval '6 days'
            )
            insert into dossier_event (dossier_id, seq, at, type, state_from, state_to, actor, actor_agency)
            select i.id, e.seq, e.at, e.type, e.state_from, e.state_to, 'bench', i.agency_code
            from ins i
            cross join lateral (values (1, i.received_at, 'SUBMITTED', null, 'SUBMITTED'),
                                       (2, i.received_at, 'ACCEPTED', 'SUBMITTED', 'ACCEPTED'),
                                       (3, i.due_at - interval '5 days' + case when abs(hashtext(i.id::text)) % 3 = 0
                                           then interval '7 days' else interval '3 days' end, 'DECIDED', 'ACCEPTED', 'RESULT_READY'),
                                       (4, i.closed_at, 'RESULT_RETURNED', 'RESULT_READY', 'RETURNED'),
                                       (5, case when abs(hashtext(i.id::text)) % 5 = 1 then i.closed_at + interval '1 day' end,
                                        'RATED', 'RETURNED', 'RETURNED')) e(seq, at, type, state_from, state_to)
            where e.at is not null
            """;

    private static final String IN_FLIGHT = SOURCE + """
            ins as (
              insert into dossier (id, code, receipt_number, procedure_code, procedure_name, channel, state, applicant_kind,
                                   applicant_name, applicant_phone, address_line, agency_code, agency_name, submitted_by,
                                   received_at, count_from, accepted_at, due_at)
              select id, 'UBND-' || ward || '-' || :tag || g, 'IB' || :tag || g, '1.001193', 'Đăng ký khai sinh',
                     case when h % 5 = 0 then 'ONLINE' else 'COUNTER' end, 'ACCEPTED', 'PERSON', :tag || g, '0900000000',
                     '1 Đường Thử', 'UBND-' || ward, 'UBND ' || ward_name, 'bulk', received, received, received,
                     received + interval '5 days'
              from s order by g
              returning id, received_at, agency_code
            )
            insert into dossier_event (dossier_id, seq, at, type, state_from, state_to, actor, actor_agency)
            select i.id, e.seq, i.received_at, e.type, e.state_from, e.state_to, 'bench', i.agency_code
            from ins i
            cross join lateral (values (1, 'SUBMITTED', null, 'SUBMITTED'),
                                       (2, 'ACCEPTED', 'SUBMITTED', 'ACCEPTED')) e(seq, type, state_from, state_to)
            """;
}
