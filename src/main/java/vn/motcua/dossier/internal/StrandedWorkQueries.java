package vn.motcua.dossier.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.dossier.StepAssignments;
import vn.motcua.dossier.StrandedWork;

/** {@link StrandedWork}: anti-joins of the open dossiers and steps against the agency codes and seats valid now. */
@Service
class StrandedWorkQueries implements StrandedWork {

    private static final String NOT_VALID = "not exists (select 1 from unnest(:valid::text[]) v(code) where v.code = %s)";

    private static final String DOSSIERS = """
            select k, id, code, agency, name, state, null as assignee, n from (
              select case when d.agency_code is not null then 'DOSSIER' else 'TRIAGE' end as k, d.id, d.code,
                     coalesce(d.agency_code, d.triage_owner) as agency, d.agency_name as name, d.state,
                     row_number() over (partition by d.agency_code is null order by d.received_at, d.id) as r,
                     count(*) over (partition by d.agency_code is null) as n
                from dossier d
               where %s and (coalesce(d.agency_code, d.triage_owner) is null or %s)
            ) x where r <= :limit
            """.formatted(CustodyLedgerStore.OPEN, NOT_VALID.formatted("coalesce(d.agency_code, d.triage_owner)"));

    private static final String STEPS = """
            select k, id, code, agency, null as name, state, assignee, n from (
              select y.*, row_number() over (partition by k order by agency, id) as r, count(*) over (partition by k) as n
                from (select case when %s then 'STEP' else 'ASSIGNMENT' end as k, s.dossier_id as id, d.code,
                             s.agency_code as agency, d.state, s.assignee
                        from dossier_step s join dossier d on d.id = s.dossier_id
                       where s.finished_at is null and %s
                         and (%s or (s.assignee is not null and not exists (
                                select 1 from unnest(:agencies::text[], :holders::text[]) as seat(agency, username)
                                 where seat.agency = s.agency_code and seat.username = s.assignee)))) y
            ) x where r <= :limit
            """.formatted(NOT_VALID.formatted("s.agency_code"), CustodyLedgerStore.OPEN,
            NOT_VALID.formatted("s.agency_code"));

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    StrandedWorkQueries(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public Found find(Collection<String> validAgencyCodes, Collection<StepAssignments.Seat> seats, int limit) {
        String[] valid = validAgencyCodes.toArray(String[]::new);
        long[] counts = new long[Kind.values().length];
        List<Item> sample = new ArrayList<>();
        org.springframework.jdbc.core.RowMapper<Item> row = (rs, n) -> {
            Kind k = Kind.valueOf(rs.getString(1));
            counts[k.ordinal()] = rs.getLong(8);
            return new Item(k, rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getString(6), rs.getString(7));
        };
        sample.addAll(jdbc.sql(DOSSIERS).param("valid", valid).param("limit", Math.max(1, limit)).query(row).list());
        sample.addAll(jdbc.sql(STEPS).param("valid", valid)
                .param("agencies", seats.stream().map(StepAssignments.Seat::agencyCode).toArray(String[]::new))
                .param("holders", seats.stream().map(StepAssignments.Seat::username).toArray(String[]::new))
                .param("limit", Math.max(1, limit)).query(row).list());
        List<Item> kept = new ArrayList<>();
        int[] perKind = new int[Kind.values().length];
        for (Item i : sample) {
            if (perKind[i.kind().ordinal()]++ < limit) {
                kept.add(i);
            }
        }
        return new Found(counts[0], counts[1], counts[2], counts[3], kept);
    }

    @Override
    public boolean routeToTriage(UUID dossierId, String fromAgency, String triageOwner, String actor, String reason) {
        Boolean done = tx.execute(s -> {
            List<UUID> moved = jdbc.sql("""
                    with moved as (
                        update dossier d set agency_code = null, triage_owner = :owner, triage_reason = :reason, agency_since = now(),
                               version = d.version + 1
                         where d.id = :id and coalesce(d.agency_code, d.triage_owner) = :from and %s
                        returning d.id, d.state, d.due_at
                    ), history as (
                        insert into dossier_event (dossier_id, seq, at, type, state_from, state_to, actor, actor_agency, reason, data)
                        select m.id, (select coalesce(max(e.seq), 0) + 1 from dossier_event e where e.dossier_id = m.id),
                               now(), 'TRANSFERRED', m.state, m.state, :actor, :owner, :reason,
                               jsonb_build_object('from', :from::text, 'to', :owner::text, 'rule', 'TRIAGE',
                                                  'stranded', true, 'dueAt', m.due_at)
                          from moved m
                    )
                    select id from moved
                    """.formatted(CustodyLedgerStore.OPEN)).param("owner", triageOwner).param("id", dossierId)
                    .param("from", fromAgency).param("actor", actor).param("reason", reason).query(UUID.class).list();
            if (moved.isEmpty()) {
                return false;
            }
            // In triage the dossier has no competent agency: its open steps wait with the triage owner, unassigned.
            jdbc.sql("update dossier_step set agency_code = :owner, assignee = null, assignee_name = null, assigned_at = null, "
                    + "field_key = null where dossier_id = :id and finished_at is null")
                    .param("owner", triageOwner).param("id", dossierId).update();
            return true;
        });
        return Boolean.TRUE.equals(done);
    }

    @Override
    public java.util.Optional<String> holder(UUID dossierId) {
        return jdbc.sql("select coalesce(d.agency_code, d.triage_owner) from dossier d where d.id = :id and "
                + CustodyLedgerStore.OPEN).param("id", dossierId).query(String.class).optional();
    }
}
