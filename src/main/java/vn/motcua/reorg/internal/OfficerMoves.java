package vn.motcua.reorg.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.catalogue.Catalogue;
import vn.motcua.dossier.CustodyLedger;
import vn.motcua.dossier.StepAssignments;
import vn.motcua.platform.api.ApiException;
import vn.motcua.platform.text.FieldKeys;
import vn.motcua.territory.Agency;
import vn.motcua.territory.Post;
import vn.motcua.territory.PostHolding;
import vn.motcua.territory.Staff;
import vn.motcua.territory.StaffChanges;
import vn.motcua.territory.Territory;
import vn.motcua.territory.TerritoryAgencies;

/**
 * The officers of a plan's closing agencies. At execution (after the unit changes, before the dossier batches), in
 * one transaction: each holding of a post of a closing agency continues in the successor post its
 * {@code postMappings} entry names (created if it does not exist yet) from the effective date, or is left for a
 * decision; then every post of the closing agencies closes at the effective date, ending the holdings. What was
 * done is recorded in {@code reorg_officer_move}, and the step marked done in {@code reorg_officer_step}, in the same
 * transaction: a resumed run skips it. Also: the officers report (who to train first) and the reconciliation check
 * that no open step stays assigned to an officer without a post in the step's agency.
 */
@Service
public class OfficerMoves {

    private static final Logger log = LoggerFactory.getLogger(OfficerMoves.class);
    static final int STALE_ROWS = 100;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Territory territory;
    private final TerritoryAgencies agencies;
    private final Staff staff;
    private final StaffChanges staffChanges;
    private final CustodyLedger transfers;
    private final StepAssignments steps;
    private final ObjectProvider<Catalogue> catalogue;
    private final Clock clock;

    OfficerMoves(JdbcClient jdbc, TransactionTemplate tx, Territory territory, TerritoryAgencies agencies, Staff staff,
                 StaffChanges staffChanges, CustodyLedger transfers, StepAssignments steps,
                 ObjectProvider<Catalogue> catalogue, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.territory = territory;
        this.agencies = agencies;
        this.staff = staff;
        this.staffChanges = staffChanges;
        this.transfers = transfers;
        this.steps = steps;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** Where a mapped post continues. {@code exists}: a post with that code is valid on the effective date. */
    record Target(String post, String title, String agencyCode, String agencyName, boolean exists) {
    }

    /** What the step did (read back from the marker when it had already been done). */
    public record Result(int moved, int awaiting, int postsOpened, int holdingsEnded, boolean already) {
    }

    // ------------------------------------------------------------------ validation

    /** Each mapping of a post held in a closing agency must name a post or an agency that exists after the cut-over. */
    List<CompiledPlan.Problem> check(CompiledPlan plan, Router router, List<PlanDefinition.PostMapping> mappings,
                                     List<PostHolding> holdings) {
        Map<String, PlanDefinition.PostMapping> byPost = byPost(mappings);
        List<CompiledPlan.Problem> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (PostHolding h : holdings) {
            PlanDefinition.PostMapping m = byPost.get(h.postCode());
            if (m != null && seen.add(h.postCode()) && resolve(m, h, plan, router) == null) {
                out.add(new CompiledPlan.Problem("reorg.validation.postTargetUnknown", h.postCode(), String.valueOf(m.to())));
            }
        }
        return out;
    }

    private static Map<String, PlanDefinition.PostMapping> byPost(List<PlanDefinition.PostMapping> mappings) {
        Map<String, PlanDefinition.PostMapping> byPost = new LinkedHashMap<>();
        mappings.stream().filter(m -> m.post() != null && m.to() != null && !m.to().isBlank())
                .forEach(m -> byPost.put(m.post(), m));
        return byPost;
    }

    /**
     * The successor post: the existing post {@code to}; else a new one in the mapping's agency, or in the successor
     * agency whose code (longest first) prefixes {@code to}. Null when neither can be found.
     */
    Target resolve(PlanDefinition.PostMapping m, PostHolding from, CompiledPlan plan, Router router) {
        LocalDate eff = plan.effectiveDate();
        String title = m.title() == null || m.title().isBlank() ? from.postTitle() : m.title();
        // A post of a closing agency is no successor, even when the code is reused (it closes at the cut-over).
        Optional<Post> existing = staffChanges.post(m.to(), eff).filter(p -> !(p.validFrom().isBefore(eff)
                && router.closingAgencies().containsKey(p.agencyCode())));
        if (existing.isPresent()) {
            Post p = existing.get();
            String name = territory.agency(p.agencyCode(), eff).map(Agency::name).orElse(p.agencyCode());
            return new Target(p.code(), p.title(), p.agencyCode(), name, true);
        }
        List<Router.Target> candidates = router.successorTargets(from.agency().unitCode());
        if (m.agency() != null && !m.agency().isBlank()) {
            String code = m.agency().strip();
            Optional<Agency> a = territory.agency(code, eff);
            if (a.isPresent()) {
                return new Target(m.to(), title, code, a.get().name(), false);
            }
            return candidates.stream().filter(t -> t.code().equals(code)).findFirst()
                    .map(t -> new Target(m.to(), title, t.code(), t.name(), false)).orElse(null);
        }
        return candidates.stream().filter(t -> m.to().startsWith(t.code() + "-"))
                .max(Comparator.comparingInt(t -> t.code().length()))
                .map(t -> new Target(m.to(), title, t.code(), t.name(), false)).orElse(null);
    }

    // ------------------------------------------------------------------ execution

    /** Runs the step once per plan (idempotent; the territory writes are idempotent too). */
    public Result apply(UUID planId, CompiledPlan plan, Router router, List<PlanDefinition.PostMapping> mappings,
                        CustodyLedger.Scope scope) {
        Optional<Result> done = stored(planId);
        if (done.isPresent()) {
            return done.get();
        }
        LocalDate eff = plan.effectiveDate();
        Set<String> closing = router.closingAgencies().keySet();
        List<PostHolding> holdings = agencies.holdings(closing, plan.dayBefore());
        Map<String, PlanDefinition.PostMapping> byPost = byPost(mappings);
        // The procedures that change hands: in flight in the closing agencies (the dry run's "procedures whose
        // performer changes"; read before any dossier moves), and those the plan transfers explicitly.
        // Only read when some holder moves (one GROUP BY over the in-flight dossiers).
        Set<String> procedures = new TreeSet<>();
        if (holdings.stream().anyMatch(h -> byPost.containsKey(h.postCode()))) {
            transfers.inFlight(scope).proceduresByHolder().values().forEach(procedures::addAll);
            plan.procedureTransfers().values().forEach(m -> procedures.addAll(m.keySet()));
        }
        Performers performers = new Performers(plan);
        Result r = tx.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:k, 0))").param("k", "reorg-officers:" + planId)
                    .query(Object.class).list();
            Optional<Result> again = stored(planId);
            if (again.isPresent()) {
                return again.get();
            }
            // First the closing agencies' posts close, ending every holding at the cut-over; then the successor
            // posts open (a reused post code then names the new post) and the mapped officers are appointed.
            int ended = staffChanges.closePostsOf(closing, eff);
            int moved = 0;
            int awaiting = 0;
            int opened = 0;
            for (PostHolding h : holdings) {
                PlanDefinition.PostMapping m = byPost.get(h.postCode());
                Target t = m == null ? null : resolve(m, h, plan, router);
                if (m != null && t == null) {
                    throw ApiException.unprocessable("reorg.validation.postTargetUnknown", h.postCode(), m.to());
                }
                List<String> newProcs = List.of();
                if (t != null) {
                    if (staffChanges.post(t.post(), eff).isEmpty()) {
                        staffChanges.openPost(t.agencyCode(), t.post(), t.title(), h.role(), h.field(), eff);
                        opened++;
                    }
                    staffChanges.appoint(h.officerId(), t.post(), eff);
                    newProcs = performers.gained(h.agency(), t.agencyCode(), h.field(), procedures);
                    moved++;
                } else {
                    awaiting++;
                }
                jdbc.sql("""
                        insert into reorg_officer_move (plan_id, officer_id, officer_name, username, from_post_id, from_post,
                            from_post_title, role, from_agency, from_agency_name, kind, to_post, to_post_title, to_agency,
                            to_agency_name, new_procedures, effective)
                        values (:plan, :o, :on, :u, :fp, :fpc, :fpt, :role, :fa, :fan, :kind, :tp, :tpt, :ta, :tan, :np, :eff)
                        on conflict do nothing""")
                        .param("plan", planId).param("o", h.officerId()).param("on", h.officerName()).param("u", h.username())
                        .param("fp", h.postId()).param("fpc", h.postCode()).param("fpt", h.postTitle())
                        .param("role", h.role().name()).param("fa", h.agency().code()).param("fan", h.agency().name())
                        .param("kind", t == null ? "DECISION" : "MOVED").param("tp", t == null ? null : t.post())
                        .param("tpt", t == null ? null : t.title()).param("ta", t == null ? null : t.agencyCode())
                        .param("tan", t == null ? null : t.agencyName()).param("np", newProcs.toArray(String[]::new))
                        .param("eff", eff).update();
            }
            jdbc.sql("""
                    insert into reorg_officer_step (plan_id, moved, awaiting, posts_opened, holdings_ended, done_at)
                    values (:plan, :m, :a, :p, :e, :at)""")
                    .param("plan", planId).param("m", moved).param("a", awaiting).param("p", opened).param("e", ended)
                    .param("at", Timestamp.from(clock.instant())).update();
            return new Result(moved, awaiting, opened, ended, false);
        });
        log.info("Plan {}: officers moved {}, awaiting a decision {}, posts opened {}, holdings ended {}", planId,
                r.moved(), r.awaiting(), r.postsOpened(), r.holdingsEnded());
        return r;
    }

    private Optional<Result> stored(UUID planId) {
        return jdbc.sql("select moved, awaiting, posts_opened, holdings_ended from reorg_officer_step where plan_id = :p")
                .param("p", planId).query((rs, n) -> new Result(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), true))
                .optional();
    }

    /** Which agencies perform a procedure before and after the cut-over (catalogue, plus the plan's transfers). */
    private final class Performers {
        private final CompiledPlan plan;
        private final Catalogue cat;
        private final Map<String, Set<String>> cache = new HashMap<>();

        Performers(CompiledPlan plan) {
            this.plan = plan;
            this.cat = catalogue.getIfAvailable();
        }

        /**
         * Procedures the new agency performs from the effective date that the old agency did not perform before — of
         * the post's field (lĩnh vực) when the post has one: a Hộ tịch officer is not trained for residence procedures.
         */
        List<String> gained(Agency from, String toAgency, String postField, Set<String> procedures) {
            if (cat == null) {
                return List.of();
            }
            Optional<Agency> to = territory.agency(toAgency, plan.effectiveDate());
            if (to.isEmpty()) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            for (String p : procedures) {
                boolean after = performers(p, to.get().unitCode(), plan.effectiveDate()).contains(toAgency)
                        || plan.procedureTransfers().values().stream().anyMatch(m -> toAgency.equals(m.get(p)));
                boolean before = performers(p, from.unitCode(), plan.dayBefore()).contains(from.code())
                        && !plan.procedureTransfers().getOrDefault(from.code(), Map.of()).containsKey(p);
                if (after && !before && FieldKeys.covers(postField, FieldKeys.key(fieldOf(p)))) {
                    out.add(p);
                }
            }
            return out;
        }

        private String fieldOf(String procedure) {
            return cat.versionInForce(procedure, plan.effectiveDate()).map(v -> v.field()).orElse(null);
        }

        private Set<String> performers(String procedure, String unit, LocalDate on) {
            return cache.computeIfAbsent(procedure + "|" + unit + "|" + on, k -> {
                Set<String> s = new LinkedHashSet<>();
                cat.competentAgencies(procedure, unit, on).forEach(a -> s.add(a.code()));
                return s;
            });
        }
    }

    // ------------------------------------------------------------------ report

    /** One officer of a closing agency and what the plan did with their post. */
    public record OfficerRow(UUID officerId, String officer, String username, String fromPost, String fromPostTitle, String role,
                             String fromAgency, String fromAgencyName, String kind, String toPost, String toPostTitle,
                             String toAgency, String toAgencyName, List<String> newProcedures,
                             List<String> currentPosts) {
    }

    /**
     * After execution: officers whose post changed (by the plan, or appointed elsewhere since), those who take on
     * procedures their old agency did not perform (to train first), and those still awaiting a decision.
     */
    public record OfficersReport(UUID planId, LocalDate effective, LocalDate asOf, int moved, int awaiting,
                                 int postsOpened, int holdingsEnded, List<OfficerRow> changedPost,
                                 List<OfficerRow> newProcedures, List<OfficerRow> awaitingDecision) {
    }

    public Optional<OfficersReport> report(UUID planId) {
        Optional<Result> done = stored(planId);
        if (done.isEmpty()) {
            return Optional.empty();
        }
        LocalDate eff = jdbc.sql("select effective from reorg_plan where id = :p").param("p", planId)
                .query((rs, n) -> rs.getTimestamp(1).toInstant().atZone(PlanCompiler.VN).toLocalDate()).single();
        LocalDate asOf = checkDate(eff);
        List<OfficerRow> changed = new ArrayList<>();
        List<OfficerRow> gained = new ArrayList<>();
        List<OfficerRow> awaiting = new ArrayList<>();
        jdbc.sql("""
                select officer_id, officer_name, username, from_post, from_post_title, role, from_agency, from_agency_name,
                       kind, to_post, to_post_title, to_agency, to_agency_name, new_procedures
                from reorg_officer_move where plan_id = :p order by from_agency, from_post, officer_name""")
                .param("p", planId).query(rs -> {
                    UUID officer = rs.getObject(1, UUID.class);
                    List<String> current = staff.postsOfOfficer(officer, asOf).stream()
                            .map(h -> h.postCode() + " — " + h.postTitle() + " (" + h.agency().name() + ")").toList();
                    OfficerRow row = new OfficerRow(officer, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                            rs.getString(11), rs.getString(12), rs.getString(13),
                            List.of((String[]) rs.getArray(14).getArray()), current);
                    if ("MOVED".equals(row.kind())) {
                        changed.add(row);
                        if (!row.newProcedures().isEmpty()) {
                            gained.add(row);
                        }
                    } else if (current.isEmpty()) {
                        awaiting.add(row);
                    } else {
                        changed.add(row); // no mapping, but appointed to a post since (outside the plan)
                    }
                });
        Result r = done.get();
        return Optional.of(new OfficersReport(planId, eff, asOf, r.moved(), r.awaiting(), r.postsOpened(),
                r.holdingsEnded(), changed, gained, awaiting));
    }

    /**
     * The decision for an officer the plan left without a post: appointed to a post (of any agency open then) from
     * the effective date, or from today once it has passed. The officer then counts among those whose post changed.
     *
     * @throws ApiException 404 when the officer is not awaiting a decision in this plan; 422 for an unknown post
     */
    public void appointAwaiting(UUID planId, UUID officerId, String postCode) {
        tx.executeWithoutResult(s -> {
            List<LocalDate> effective = jdbc.sql("""
                    select effective from reorg_officer_move where plan_id = :p and officer_id = :o and kind = 'DECISION'""")
                    .param("p", planId).param("o", officerId).query(LocalDate.class).list();
            if (effective.isEmpty()) {
                throw ApiException.notFound("reorg.officers.notAwaiting", officerId);
            }
            if (postCode == null || postCode.isBlank()) {
                throw ApiException.badRequest("reorg.officers.postRequired");
            }
            staffChanges.appoint(officerId, postCode.strip(), checkDate(effective.get(0)));
        });
    }

    /** The date holdings are checked on: the effective date, or today once it has passed. */
    LocalDate checkDate(LocalDate effective) {
        LocalDate today = LocalDate.now(clock.withZone(PlanCompiler.VN));
        return today.isAfter(effective) ? today : effective;
    }

    // ------------------------------------------------------------------ reconciliation

    /**
     * Open steps of the plan's dossiers, or assigned to an officer whose holding the plan ended, that are assigned to
     * someone holding no post in the step's agency on the check date. The anti-join runs in SQL (dossier module);
     * the seats come from the territory: holdings in the agencies the dossiers went to and in the successor posts,
     * and every post the plan's officers hold now.
     */
    /** {@code flows}: the plan's journal flows (the reconciliation has read them already). */
    StepAssignments.Stale staleAssignments(UUID planId, CompiledPlan plan, List<CustodyLedger.Flow> flows) {
        LocalDate asOf = checkDate(plan.effectiveDate());
        Set<String> usernames = new TreeSet<>(jdbc.sql(
                        "select distinct username from reorg_officer_move where plan_id = :p and username is not null")
                .param("p", planId).query(String.class).list());
        Set<String> agencyCodes = new TreeSet<>();
        flows.forEach(f -> agencyCodes.add(f.toAgency()));
        agencyCodes.addAll(jdbc.sql("select distinct to_agency from reorg_officer_move where plan_id = :p and to_agency is not null")
                .param("p", planId).query(String.class).list());
        Set<StepAssignments.Seat> seats = new LinkedHashSet<>();
        for (PostHolding h : agencies.holdings(agencyCodes, asOf)) {
            if (h.username() != null) {
                seats.add(new StepAssignments.Seat(h.agency().code(), h.username()));
            }
        }
        for (String u : usernames) {
            staff.postsOf(u, asOf).forEach(h -> seats.add(new StepAssignments.Seat(h.agency().code(), u)));
        }
        return steps.staleAssignments(planId, usernames, seats, STALE_ROWS);
    }
}
