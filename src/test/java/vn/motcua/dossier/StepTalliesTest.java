package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.dossier.internal.LateWatch;
import vn.motcua.dossier.internal.ProcessingQueries;
import vn.motcua.dossier.internal.StepTallies;
import vn.motcua.platform.security.Role;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.territory.PostRole;

/**
 * Issue #24, session 12: the warned count and the leader's workload table read the step tallies (V40_60: deltas
 * appended by statement triggers, folded by {@link StepTallies}). After every kind of change, and after a fold, they
 * must equal what the open steps themselves say (the statements of session 11, run here on {@code dossier_step}).
 */
@IntegrationTest
class StepTalliesTest extends InboxTest {

    @Autowired
    StepTallies tallies;
    @Autowired
    LateWatch lateWatch;
    @Autowired
    TransactionTemplate tx;
    String agency;
    String other;

    @Override
    String tagPrefix() {
        return "stt";
    }

    @BeforeEach
    void ownAgency() {
        agency = "T-" + tag.toUpperCase();
    }

    /** The workload as session 11 read it: a group-by over the open steps themselves. */
    List<ProcessingQueries.Workload> live(List<String> agencies) {
        return jdbc.sql("""
                        select s.assignee, max(s.assignee_name),
                               case when s.assignee is null then s.role end as queue_role,
                               case when s.assignee is null then s.field_key end as queue_field, count(*),
                               count(*) filter (where s.warning = 'SOON'), count(*) filter (where s.warning = 'LATE')
                        from dossier_step s where s.finished_at is null and s.agency_code = any(:a)
                        group by 1, 3, 4 order by s.assignee nulls first, 3, 4 nulls first
                        """)
                .param("a", agencies.toArray(String[]::new))
                .query((rs, n) -> new ProcessingQueries.Workload(rs.getString(1), rs.getString(2),
                        rs.getString(3) == null ? null : PostRole.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7)))
                .list();
    }

    ProcessingQueries.Scope scope(String user) {
        return processing.scope(user, LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")));
    }

    /** Tallies = open steps, for the demo agency's leader and handling officer and for the test's own agency. */
    void agree(String when) {
        // Hold the late watch's lock meanwhile: a scheduled run flagging a step between the two reads is no disagreement.
        tx.executeWithoutResult(s -> {
            jdbc.sql("select pg_advisory_xact_lock(402)::text").query(String.class).single();
            compare(when);
        });
    }

    void compare(String when) {
        for (List<String> agencies : List.of(List.of("UBND-26740"), List.of(agency), List.of("UBND-26740", agency))) {
            assertThat(processing.workload(agencies)).as(when + ": workload of " + agencies).isEqualTo(live(agencies));
        }
        for (String user : List.of("lanhdao", "chuyenvien", "tiepnhan")) {
            var scope = scope(user);
            long steps = processing.count(user, scope, ProcessingQueries.Filter.WARNED);
            assertThat(steps).as("the demo data stays under the list's bound").isLessThan(ProcessingQueries.COUNT_CAP);
            assertThat(processing.warned(user, scope)).as(when + ": warned of " + user).isEqualTo(steps);
        }
    }

    long open(String assignee) {
        return processing.workload(List.of("UBND-26740")).stream().filter(w -> assignee.equals(w.assignee()))
                .mapToLong(ProcessingQueries.Workload::open).sum();
    }

    @Test
    void tallies_follow_a_dossier_through_open_assign_reassign_warn_finish_move_and_a_fold() {
        other = "xl" + tag;
        appointed = officers.appointedToday(other, "Phan Thị Xử Lý", Role.HANDLING_OFFICER, "CB-" + tag, "UBND-26740",
                "UBND-26740-" + tag, "Công chức hộ tịch", PostRole.HANDLING, "HO_TICH");
        agree("before");

        Http http = new Http(port);
        long mine = open("chuyenvien");
        String id = DossierFixtures.acceptedThroughApi(http);
        UUID dossier = UUID.fromString(id);
        agree("opened");

        assertThat(act(http, "lanhdao", id, "assign", Map.of("version", version(id), "assignee", "chuyenvien")).status())
                .isEqualTo(200);
        assertThat(open("chuyenvien")).isEqualTo(mine + 1);
        agree("assigned");

        assertThat(act(http, "lanhdao", id, "assign", Map.of("version", version(id), "assignee", other)).status())
                .isEqualTo(200);
        assertThat(open("chuyenvien")).isEqualTo(mine);
        assertThat(open(other)).isEqualTo(1);
        agree("reassigned");

        // The step's own deadline passes (LATE in the workload) and the dossier's appointment (the warned count).
        jdbc.sql("update dossier_step set due_at = now() - interval '1 hour' where dossier_id = ? and finished_at is null")
                .param(dossier).update();
        jdbc.sql("update dossier set due_at = now() - interval '1 hour' where id = ?").param(dossier).update();
        long warned = processing.warned("lanhdao", scope("lanhdao"));
        lateWatch.watch(Instant.now());
        assertThat(processing.workload(List.of("UBND-26740"))).filteredOn(w -> other.equals(w.assignee()))
                .singleElement().satisfies(w -> assertThat(w.late()).isEqualTo(1));
        assertThat(processing.warned("lanhdao", scope("lanhdao"))).isGreaterThan(warned);
        agree("warned");

        tallies.fold();
        agree("folded");

        // A new appointment clears the dossier's warning; a new step deadline the step's (the late watch only sets).
        jdbc.sql("update dossier set due_at = now() + interval '10 days', warning = null where id = ?").param(dossier).update();
        jdbc.sql("update dossier_step set due_at = now() + interval '10 days', warning = null where dossier_id = ? and finished_at is null")
                .param(dossier).update();
        agree("unwarned");

        var forwarded = act(http, other, id, "forward", Map.of("version", version(id)));
        assertThat(forwarded.status()).as(forwarded.body()).isEqualTo(200);
        assertThat(open(other)).isZero();
        agree("finished and the next step opened");

        // A reorganisation's move, as CustodyLedgerStore.moveBatch writes it: the open step follows its dossier to the
        // successor, unassigned and without field.
        jdbc.sql("update dossier_step s set agency_code = ?, assignee = null, assignee_name = null, assigned_at = null,"
                + " field_key = null where s.dossier_id = ? and s.finished_at is null").params(agency, dossier).update();
        assertThat(live(List.of(agency))).singleElement().satisfies(w -> assertThat(w.open()).isEqualTo(1));
        agree("moved");

        assertThat(tallies.fold()).isPositive();
        assertThat(jdbc.sql("select count(*) from dossier_step_tally_delta where agency_code = ?").param(agency)
                .query(Long.class).single()).isZero();
        agree("folded again");
        // Back to a real agency: an open step held by an agency that does not exist would be "stranded" for others.
        jdbc.sql("update dossier_step set agency_code = 'UBND-26740' where dossier_id = ? and finished_at is null")
                .param(dossier).update();
        agree("moved back");
    }

    /** Dossiers of the test's agency with one open step each, inserted in one statement. */
    List<UUID> openSteps(int n) {
        List<UUID> ids = tagged.births(agency, DossierState.ACCEPTED, n, Instant.now().minus(Duration.ofDays(3)));
        jdbc.sql("""
                insert into dossier_step (dossier_id, seq, step_order, code, name, role, agency_code, opened_at, due_at)
                select id, 1, 1, 'APPRAISAL', 'Thẩm định', 'HANDLING', agency_code, received_at, due_at
                  from dossier where applicant_name like ?""").param("%" + tag + "%").update();
        return ids;
    }

    long deltas(String agencyCode) {
        return jdbc.sql("select count(*) from dossier_step_tally_delta where agency_code = ?").param(agencyCode)
                .query(Long.class).single();
    }

    @Test
    void one_statement_moving_many_steps_writes_one_delta_row_per_key_not_per_step() {
        String successor = agency + "-MOI";
        tallies.fold();
        openSteps(500);
        assertThat(deltas(agency)).isEqualTo(1);
        assertThat(processing.workload(List.of(agency))).singleElement()
                .satisfies(w -> assertThat(w.open()).isEqualTo(500));

        int moved = jdbc.sql("update dossier_step set agency_code = ? where agency_code = ? and finished_at is null")
                .params(successor, agency).update();
        assertThat(moved).isEqualTo(500);
        assertThat(deltas(agency)).isEqualTo(2);
        assertThat(deltas(successor)).isEqualTo(1);
        assertThat(processing.workload(List.of(agency))).isEmpty();
        assertThat(processing.workload(List.of(successor))).isEqualTo(live(List.of(successor)));

        // A statement that changes nothing counted (a column the tallies do not read) writes no delta.
        jdbc.sql("update dossier_step set quota_hours = 8 where agency_code = ?").param(successor).update();
        assertThat(deltas(successor)).isEqualTo(1);

        tallies.fold();
        assertThat(deltas(agency) + deltas(successor)).isZero();
        assertThat(jdbc.sql("select count(*) from dossier_step_tally where agency_code = ?").param(agency)
                .query(Long.class).single()).as("a key whose steps all left is dropped").isZero();
        assertThat(processing.workload(List.of(successor))).isEqualTo(live(List.of(successor)));
        jdbc.sql("update dossier_step set agency_code = ? where agency_code = ?").params(agency, successor).update();
    }

    @Test
    void two_officers_acting_at_once_while_a_fold_runs_lose_nothing() throws Exception {
        List<UUID> ids = openSteps(120);
        CyclicBarrier start = new CyclicBarrier(3);
        List<CompletableFuture<Void>> runs = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            String officer = t == 0 ? "cb-a-" + tag : "cb-b-" + tag;
            List<UUID> own = ids.subList(t * 60, t * 60 + 60);
            runs.add(CompletableFuture.runAsync(() -> {
                await(start);
                // Each step in its own transaction, as an officer's action: claim it, then half of them are finished.
                for (int i = 0; i < own.size(); i++) {
                    UUID d = own.get(i);
                    int n = i;
                    tx.executeWithoutResult(s -> {
                        jdbc.sql("update dossier_step set assignee = ?, assignee_name = ?, assigned_at = now()"
                                + " where dossier_id = ? and finished_at is null").params(officer, "Cán bộ " + officer, d).update();
                        if (n % 2 == 0) {
                            jdbc.sql("update dossier_step set finished_at = now(), outcome = 'DONE' where dossier_id = ?"
                                    + " and finished_at is null").param(d).update();
                        }
                    });
                }
            }));
        }
        runs.add(CompletableFuture.runAsync(() -> {
            await(start);
            for (int i = 0; i < 20; i++) {
                tallies.fold();
            }
        }));
        CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get();

        List<ProcessingQueries.Workload> now = processing.workload(List.of(agency));
        assertThat(now).isEqualTo(live(List.of(agency)));
        assertThat(now).extracting(ProcessingQueries.Workload::assignee, ProcessingQueries.Workload::open)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("cb-a-" + tag, 30L),
                        org.assertj.core.groups.Tuple.tuple("cb-b-" + tag, 30L));
        tallies.fold();
        assertThat(processing.workload(List.of(agency))).isEqualTo(now);
    }

    static void await(CyclicBarrier b) {
        try {
            b.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    int version(String id) {
        return jdbc.sql("select version from dossier where id = ?").param(UUID.fromString(id)).query(Integer.class).single();
    }

    Http.Response act(Http http, String user, String id, String action, Map<String, Object> body) {
        return http.postJson(user, "demo", "/api/v1/dossiers/" + id + "/" + action, body);
    }
}
