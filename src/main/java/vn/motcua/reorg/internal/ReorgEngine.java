package vn.motcua.reorg.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.catalogue.Catalogue;
import vn.motcua.dossier.DossierTransfers;
import vn.motcua.platform.api.ApiException;
import vn.motcua.reorg.ExecutionObserver;
import vn.motcua.reorg.PlanState;
import vn.motcua.reorg.RoutingRule;
import vn.motcua.territory.Agency;
import vn.motcua.territory.PostHolding;
import vn.motcua.territory.Successor;
import vn.motcua.territory.Territory;
import vn.motcua.territory.TerritoryAgencies;
import vn.motcua.territory.TerritoryChanges;

/**
 * The reorganisation engine: stores plans and takes them through validation, dry run, execution (unit changes,
 * then journaled batches of dossier transfers, resumable) and reconciliation.
 */
@Service
public class ReorgEngine {

    private static final Logger log = LoggerFactory.getLogger(ReorgEngine.class);
    private static final Locale VI = Locale.forLanguageTag("vi");
    static final int SAMPLE_ROWS = 500;
    static final int UNRESOLVED_ROWS = 1000;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final PlanCompiler compiler;
    private final MergesImport merges;
    private final Territory territory;
    private final TerritoryAgencies agencies;
    private final TerritoryChanges changes;
    private final DossierTransfers transfers;
    private final WorkingCalendar calendar;
    private final ObjectProvider<Catalogue> catalogue;
    private final ObjectProvider<ExecutionObserver> observers;
    private final MessageSource messages;
    private final Clock clock;
    private final Map<UUID, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final OfficerMoves officerMoves;
    private final TransactionTemplate tx;
    private final StrandedCheck stranded;

    private final int parallelism;

    ReorgEngine(JdbcClient jdbc, JsonMapper json, PlanCompiler compiler, MergesImport merges, Territory territory,
                TerritoryAgencies agencies, TerritoryChanges changes, DossierTransfers transfers, WorkingCalendar calendar,
                ObjectProvider<Catalogue> catalogue, ObjectProvider<ExecutionObserver> observers, MessageSource messages,
                Clock clock, OfficerMoves officerMoves, TransactionTemplate tx, StrandedCheck stranded,
                @org.springframework.beans.factory.annotation.Value("${motcua.reorg.parallelism:0}") int parallelism) {
        this.officerMoves = officerMoves;
        this.tx = tx;
        this.stranded = stranded;
        // Default: one batch worker per core, at most four (more only queue on the same disk).
        this.parallelism = parallelism > 0 ? parallelism : Math.min(4, Runtime.getRuntime().availableProcessors());
        this.jdbc = jdbc;
        this.json = json;
        this.compiler = compiler;
        this.merges = merges;
        this.territory = territory;
        this.agencies = agencies;
        this.changes = changes;
        this.transfers = transfers;
        this.calendar = calendar;
        this.catalogue = catalogue;
        this.observers = observers;
        this.messages = messages;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ store

    public record Created(UUID id, PlanState state) {
    }

    public Created create(PlanDefinition def, String user) {
        PlanCompiler.checkShape(def);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                insert into reorg_plan (id, name, state, effective, legal_basis, definition, created_by, created_at, updated_at)
                values (?, ?, 'DRAFT', ?, ?, ?::jsonb, ?, ?, ?)
                """).params(id, def.name(), Timestamp.from(PlanCompiler.parseEffective(def.effective())), def.legalBasis(),
                json.writeValueAsString(def), user, Timestamp.from(now), Timestamp.from(now)).update();
        return new Created(id, PlanState.DRAFT);
    }

    public record Imported(UUID id, PlanState state, List<String> skippedOldCodes, Map<String, String> aliasedNewCodes) {
    }

    public Imported importMerges(byte[] body, String province, String effective, String user) {
        Instant eff = PlanCompiler.parseEffective(effective == null || effective.isBlank() ? "2025-07-01" : effective);
        MergesImport.Result r = merges.build(body, province, eff);
        Created c = create(r.plan(), user);
        return new Imported(c.id(), c.state(), r.skippedOldCodes(), r.aliasedNewCodes());
    }

    public List<Reports.PlanView> list() {
        return jdbc.sql("select id from reorg_plan order by created_at desc limit 200").query(UUID.class).list()
                .stream().map(this::view).toList();
    }

    public Reports.PlanView view(UUID id) {
        return jdbc.sql("""
                select id, name, state, effective, legal_basis, created_by, created_at, updated_at,
                       validation::text, dry_run::text, execution::text, reconciliation::text from reorg_plan where id = ?
                """).param(id).query((rs, n) -> new Reports.PlanView(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6),
                        rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant(),
                        read(rs.getString(9), Reports.Validation.class), read(rs.getString(10), Reports.DryRun.class),
                        read(rs.getString(11), Reports.Execution.class), read(rs.getString(12), Reports.Reconciliation.class)))
                .optional().orElseThrow(() -> ApiException.notFound("reorg.plan.notFound", id));
    }

    public PlanDefinition definition(UUID id) {
        return jdbc.sql("select definition::text from reorg_plan where id = ?").param(id).query(String.class).optional()
                .map(s -> json.readValue(s, PlanDefinition.class))
                .orElseThrow(() -> ApiException.notFound("reorg.plan.notFound", id));
    }

    private PlanState state(UUID id) {
        return PlanState.valueOf(view(id).state());
    }

    private void store(UUID id, String column, Object value, PlanState state) {
        jdbc.sql("update reorg_plan set " + column + " = ?::jsonb, state = coalesce(?, state), updated_at = ? where id = ?")
                .params(value == null ? null : json.writeValueAsString(value), state == null ? null : state.name(),
                        Timestamp.from(clock.instant()), id).update();
    }

    private <T> T read(String s, Class<T> type) {
        return s == null ? null : json.readValue(s, type);
    }

    /** Adds routing rules (streets/hamlets of a split unit) to a plan not yet executed; it must be validated again. */
    public Reports.PlanView addRoutingRules(UUID id, List<PlanDefinition.RoutingRuleSpec> rules) {
        PlanState s = state(id);
        if (s == PlanState.EXECUTING || s == PlanState.EXECUTED || s == PlanState.RECONCILED) {
            throw ApiException.conflict("reorg.plan.alreadyExecuted", id);
        }
        PlanDefinition d = definition(id);
        List<PlanDefinition.RoutingRuleSpec> all = new ArrayList<>(d.routingRules());
        all.addAll(rules);
        PlanDefinition nd = new PlanDefinition(d.name(), d.effective(), d.legalBasis(), d.open(), d.operations(), all,
                d.explicit(), d.postMappings(), d.deadlinePolicy(), d.extendWorkingDays(), d.batchSize(),
                d.nearCutoverWorkingDays(), d.notifyApplicants());
        jdbc.sql("update reorg_plan set definition = ?::jsonb, state = 'DRAFT', validation = null, dry_run = null, updated_at = ? where id = ?")
                .params(json.writeValueAsString(nd), Timestamp.from(clock.instant()), id).update();
        return view(id);
    }

    // ------------------------------------------------------------------ validation

    record Prepared(CompiledPlan plan, Router router, Reports.Validation validation) {
    }

    private Prepared prepare(UUID id) {
        CompiledPlan plan = compiler.compile(definition(id));
        Router router = new Router(plan, territory, agencies);
        List<CompiledPlan.Problem> errors = new ArrayList<>(plan.problems());
        List<CompiledPlan.Problem> warnings = new ArrayList<>();
        LocalDate before = plan.dayBefore();
        for (String c : plan.closing()) {
            if (territory.unit(c, before).isEmpty()) {
                errors.add(new CompiledPlan.Problem("reorg.validation.unknownUnit", c, before.toString()));
            } else if (plan.successors().getOrDefault(c, List.of()).isEmpty()) {
                errors.add(new CompiledPlan.Problem("reorg.validation.noSuccessor", c));
            }
        }
        Set<String> successors = new HashSet<>();
        plan.successors().values().forEach(l -> l.forEach(s -> successors.add(s.code())));
        for (String s : successors) {
            boolean opened = plan.opening().contains(s);
            if (!opened && plan.closing().contains(s)) {
                errors.add(new CompiledPlan.Problem("reorg.validation.successorCloses", s));
            } else if (!opened && territory.unit(s, plan.effectiveDate()).isEmpty()) {
                errors.add(new CompiledPlan.Problem("reorg.validation.unknownUnit", s, plan.effectiveDate().toString()));
            }
        }
        for (Map.Entry<String, List<CompiledPlan.Rule>> r : plan.routing().entrySet()) {
            Set<String> succ = new HashSet<>();
            plan.successors().getOrDefault(r.getKey(), List.of()).forEach(s -> succ.add(s.code()));
            for (CompiledPlan.Rule rule : r.getValue()) {
                if (!succ.contains(rule.to())) {
                    errors.add(new CompiledPlan.Problem("reorg.validation.ruleNotSuccessor", r.getKey(), rule.to()));
                }
            }
        }
        String cycle = cycle(plan);
        if (cycle != null) {
            errors.add(new CompiledPlan.Problem("reorg.validation.cycle", cycle));
        }
        errors.addAll(router.problems());
        // Posts of closing agencies: mapped to a successor post, or listed for a decision.
        List<PostHolding> posts = agencies.holdings(router.closingAgencies().keySet(), before);
        Set<String> postCodes = new HashSet<>();
        for (PostHolding h : posts) {
            if (postCodes.add(h.postCode()) && !plan.postMappings().containsKey(h.postCode())) {
                warnings.add(new CompiledPlan.Problem("reorg.validation.postForDecision", h.postCode(), h.agency().code(),
                        h.officerName()));
            }
        }
        errors.addAll(officerMoves.check(plan, router, definition(id).postMappings(), posts));
        // Procedures a closing agency performs must have a performer afterwards.
        long procChecks = checkProcedures(plan, router, errors, warnings);
        // A plan recorded after its effective date: what the closing agencies received since then moves too.
        long late = plan.effective().isBefore(clock.instant()) ? transfers.countHeldSinceEffective(scope(plan, router)) : 0;
        if (late > 0) {
            warnings.add(new CompiledPlan.Problem("reorg.validation.receivedAfterEffective", String.valueOf(late),
                    plan.effectiveDate().toString()));
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("closingUnits", (long) plan.closing().size());
        counts.put("openingUnits", (long) plan.opening().size());
        counts.put("links", (long) plan.unitChanges().links().size());
        counts.put("closingAgencies", (long) router.closingAgencies().size());
        counts.put("posts", (long) postCodes.size());
        counts.put("splitUnits", plan.successors().values().stream().filter(l -> l.size() > 1).count());
        counts.put("routingRules", plan.routing().values().stream().mapToLong(List::size).sum());
        counts.put("procedureChecks", procChecks);
        counts.put("receivedAfterEffective", late);
        Reports.Validation v = new Reports.Validation(errors.isEmpty(), findings(errors), findings(warnings), counts,
                clock.instant());
        return new Prepared(plan, router, v);
    }

    private long checkProcedures(CompiledPlan plan, Router router, List<CompiledPlan.Problem> errors,
                                 List<CompiledPlan.Problem> warnings) {
        Catalogue cat = catalogue.getIfAvailable();
        if (cat == null) {
            return 0;
        }
        // The procedures actually in flight in the closing agencies, per closing unit.
        Map<String, Set<String>> byUnit = new TreeMap<>();
        transfers.openProceduresByHolder(scope(plan, router)).forEach((agency, procs) -> {
            Agency a = router.closingAgencies().get(agency);
            if (a != null) {
                byUnit.computeIfAbsent(a.unitCode(), k -> new java.util.TreeSet<>()).addAll(procs);
            }
        });
        // Each (procedure, successor unit) pair once.
        Map<String, Set<String>> pairs = new TreeMap<>();
        for (Map.Entry<String, Set<String>> e : byUnit.entrySet()) {
            if (plan.abolishedFunctionsTo().containsKey(e.getKey())) {
                continue; // a district's functions go to the communes by address; the communes are checked below
            }
            for (CompiledPlan.Succ s : plan.successors().getOrDefault(e.getKey(), List.of())) {
                pairs.computeIfAbsent(s.code(), k -> new java.util.TreeSet<>()).addAll(e.getValue());
            }
        }
        long checks = 0;
        Map<String, Boolean> known = new HashMap<>();
        for (Map.Entry<String, Set<String>> e : pairs.entrySet()) {
            String unit = e.getKey();
            if (plan.opening().contains(unit) && territory.unit(unit, plan.effectiveDate()).isEmpty()) {
                continue; // opened by the plan: its agencies are derived at execution, with the standard kinds
            }
            for (String proc : e.getValue()) {
                if (!known.computeIfAbsent(proc, p -> cat.versionInForce(p, plan.effectiveDate()).isPresent())) {
                    continue;
                }
                checks++;
                if (cat.competentAgencies(proc, unit, plan.effectiveDate()).isEmpty()) {
                    errors.add(new CompiledPlan.Problem("reorg.validation.noPerformer", proc, unit));
                }
            }
        }
        known.forEach((proc, inCatalogue) -> {
            if (!inCatalogue) {
                warnings.add(new CompiledPlan.Problem("reorg.validation.procedureUnknown", proc));
            }
        });
        return checks;
    }

    /** A cycle among continuing units (successors that the plan does not open anew), e.g. A into B and B into A. */
    static String cycle(CompiledPlan plan) {
        Map<String, List<String>> edges = new HashMap<>();
        plan.successors().forEach((p, l) -> l.stream().filter(s -> !plan.opening().contains(s.code()))
                .forEach(s -> edges.computeIfAbsent(p, k -> new ArrayList<>()).add(s.code())));
        Map<String, Integer> mark = new HashMap<>();
        for (String start : edges.keySet()) {
            String c = dfs(start, edges, mark, new ArrayList<>());
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    private static String dfs(String n, Map<String, List<String>> edges, Map<String, Integer> mark, List<String> path) {
        Integer m = mark.get(n);
        if (m != null) {
            return m == 1 ? String.join(" → ", path) + " → " + n : null;
        }
        mark.put(n, 1);
        path.add(n);
        for (String s : edges.getOrDefault(n, List.of())) {
            String c = dfs(s, edges, mark, path);
            if (c != null) {
                return c;
            }
        }
        path.remove(path.size() - 1);
        mark.put(n, 2);
        return null;
    }

    private List<Reports.Finding> findings(List<CompiledPlan.Problem> ps) {
        return ps.stream().map(p -> new Reports.Finding(p.key(), p.args(),
                messages.getMessage(p.key(), p.args().toArray(), p.key(), VI))).toList();
    }

    public Reports.Validation validate(UUID id) {
        Prepared p = prepare(id);
        PlanState s = state(id);
        PlanState next = s == PlanState.DRAFT || s == PlanState.VALIDATED || s == PlanState.DRY_RUN_DONE
                ? (p.validation().ok() ? PlanState.VALIDATED : PlanState.DRAFT) : null;
        store(id, "validation", p.validation(), next);
        return p.validation();
    }

    private Prepared requireValid(UUID id) {
        Prepared p = prepare(id);
        if (!p.validation().ok()) {
            store(id, "validation", p.validation(), state(id) == PlanState.DRAFT || state(id) == PlanState.VALIDATED
                    || state(id) == PlanState.DRY_RUN_DONE ? PlanState.DRAFT : null);
            throw ApiException.unprocessable("reorg.plan.invalid", p.validation().errors().size(),
                    p.validation().errors().get(0).message());
        }
        return p;
    }

    // ------------------------------------------------------------------ dry run

    public Reports.DryRun dryRun(UUID id) {
        long start = System.nanoTime();
        Prepared p = requireValid(id);
        CompiledPlan plan = p.plan();
        Router router = p.router();
        Instant threshold = nearCutoverLimit(plan);
        Map<String, Long> byRule = new TreeMap<>();
        Map<String, Long> byState = new TreeMap<>();
        Map<String, Long> byOld = new HashMap<>();
        Map<String, Long> byNew = new HashMap<>();
        Map<String, String> newNames = new HashMap<>();
        Map<String, String> newUnits = new HashMap<>();
        Map<String, Long> procDossiers = new HashMap<>();
        Map<String, Set<String>> procPairs = new HashMap<>();
        List<Reports.Row> sample = new ArrayList<>();
        List<Reports.Row> unresolved = new ArrayList<>();
        long[] totals = new long[4]; // inFlight, near, unresolved, received after the effective date
        transfers.forEachOpenHeldBy(scope(plan, router), d -> {
            Router.Decision dec = router.decide(d);
            if (!d.heldSince().isBefore(plan.effective())) {
                totals[3]++;
            }
            boolean near = d.dueAt() != null && d.dueAt().isBefore(threshold);
            totals[0]++;
            if (near) {
                totals[1]++;
            }
            byRule.merge(dec.rule().name(), 1L, Long::sum);
            byState.merge(d.state(), 1L, Long::sum);
            byOld.merge(d.agencyCode(), 1L, Long::sum);
            byNew.merge(dec.to().code(), 1L, Long::sum);
            newNames.putIfAbsent(dec.to().code(), dec.to().name());
            newUnits.putIfAbsent(dec.to().code(), dec.to().unitCode());
            if (d.procedureCode() != null && !d.agencyCode().equals(dec.to().code())) {
                procDossiers.merge(d.procedureCode(), 1L, Long::sum);
                procPairs.computeIfAbsent(d.procedureCode(), k -> new HashSet<>()).add(d.agencyCode() + ">" + dec.to().code());
            }
            Reports.Row row = null;
            if (dec.rule() == RoutingRule.TRIAGE) {
                totals[2]++;
                if (unresolved.size() < UNRESOLVED_ROWS) {
                    row = row(d, dec, near);
                    unresolved.add(row);
                }
            }
            if (sample.size() < SAMPLE_ROWS) {
                sample.add(row != null ? row : row(d, dec, near));
            }
        });
        List<Reports.Count> old = byOld.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> {
            Agency a = router.closingAgencies().get(e.getKey());
            return new Reports.Count(e.getKey(), a == null ? null : a.name(), a == null ? null : a.unitCode(), e.getValue());
        }).toList();
        List<Reports.Count> neu = byNew.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new Reports.Count(e.getKey(), newNames.get(e.getKey()), newUnits.get(e.getKey()), e.getValue())).toList();
        List<Reports.ProcedureChange> procs = procDossiers.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new Reports.ProcedureChange(e.getKey(), e.getValue(), procPairs.get(e.getKey()).size())).toList();
        log.info("Dry run of plan {}: {} dossiers routed in {} ms (validation included)", id, totals[0], (System.nanoTime() - start) / 1_000_000);
        Reports.DryRun report = new Reports.DryRun(id, view(id).name(), plan.effective(), clock.instant(), totals[0], byRule,
                byState, old, neu, plan.nearCutoverWorkingDays(), totals[1], officers(plan, router), procs, totals[2],
                unresolved, sample, totals[0] > sample.size(), (System.nanoTime() - start) / 1_000_000, totals[3]);
        PlanState s = state(id);
        store(id, "dry_run", report, s == PlanState.DRAFT || s == PlanState.VALIDATED || s == PlanState.DRY_RUN_DONE
                ? PlanState.DRY_RUN_DONE : null);
        store(id, "validation", p.validation(), null);
        return report;
    }

    private Instant nearCutoverLimit(CompiledPlan plan) {
        LocalDate last = calendar.addWorkingDays(plan.effectiveDate(), plan.nearCutoverWorkingDays());
        return last.plusDays(1).atStartOfDay(PlanCompiler.VN).toInstant();
    }

    private static Reports.Row row(DossierTransfers.OpenDossier d, Router.Decision dec, boolean near) {
        return new Reports.Row(d.id(), d.code(), d.state(), d.procedureCode(), d.agencyCode(), dec.to().code(),
                dec.to().name(), dec.rule().name(), dec.reason(), d.dueAt(), near);
    }

    private List<Reports.OfficerChange> officers(CompiledPlan plan, Router router) {
        List<Reports.OfficerChange> out = new ArrayList<>();
        for (PostHolding h : agencies.holdings(router.closingAgencies().keySet(), plan.dayBefore())) {
            String to = plan.postMappings().get(h.postCode());
            out.add(new Reports.OfficerChange(h.officerName(), h.username(), h.postCode() + " — " + h.postTitle(),
                    h.role().name(), h.agency().code(), to, to == null));
        }
        out.sort(Comparator.comparing(Reports.OfficerChange::fromAgency).thenComparing(Reports.OfficerChange::post));
        return out;
    }

    /** Every in-flight dossier's routing as CSV (recomputed; nothing is changed). */
    public void dryRunCsv(UUID id, Writer out) {
        Prepared p = requireValid(id);
        Instant threshold = nearCutoverLimit(p.plan());
        write(out, "dossier_id,code,state,procedure,from_agency,to_agency,rule,reason,due_at,near_cutover\n");
        transfers.forEachOpenHeldBy(scope(p.plan(), p.router()), d -> {
            Router.Decision dec = p.router().decide(d);
            write(out, String.join(",", d.id().toString(), csv(d.code()), d.state(), csv(d.procedureCode()),
                    csv(d.agencyCode()), csv(dec.to().code()), dec.rule().name(), csv(dec.reason()),
                    d.dueAt() == null ? "" : d.dueAt().toString(),
                    String.valueOf(d.dueAt() != null && d.dueAt().isBefore(threshold))) + "\n");
        });
    }

    private static String csv(String s) {
        if (s == null) {
            return "";
        }
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static void write(Writer out, String s) {
        try {
            out.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ execution

    public Reports.Execution execute(UUID id, String user) {
        return execute(id, user, null);
    }

    /** How far an execution has come: batches done of the journal's, and whether it is running on this node now. */
    public record Progress(String state, long moved, int batches, int batchesDone, boolean running) {

        public int percent() {
            return batches == 0 ? 0 : (int) (100L * batchesDone / batches);
        }
    }

    /** Polled every few seconds during a run: two indexed reads, no count over the journal, no plan compilation. */
    public Progress progress(UUID id) {
        String state = state(id).name();
        ReentrantLock lock = locks.get(id);
        DossierTransfers.BatchProgress b = transfers.batchProgress(id);
        return new Progress(state, b.moved(), b.batches(), b.batchesDone(), lock != null && lock.isLocked());
    }

    /** What {@link #execute} would refuse at once (unknown, already running, invalid), for callers that run it later. */
    public void requireExecutable(UUID id) {
        ReentrantLock lock = locks.get(id);
        if (lock != null && lock.isLocked()) {
            throw ApiException.conflict("reorg.plan.busy", id);
        }
        PlanState s = state(id);
        if (s != PlanState.EXECUTED && s != PlanState.RECONCILED) {
            requireValid(id);
        }
    }

    /**
     * Executes (or resumes) the plan. {@code extra} is told about progress after the observer beans (tests use it to
     * stop the run after a batch, as a crash would).
     */
    public Reports.Execution execute(UUID id, String user, ExecutionObserver extra) {
        ReentrantLock lock = locks.computeIfAbsent(id, k -> new ReentrantLock());
        if (!lock.tryLock()) {
            throw ApiException.conflict("reorg.plan.busy", id);
        }
        try {
            Reports.PlanView view = view(id);
            PlanState s = PlanState.valueOf(view.state());
            if (s == PlanState.EXECUTED || s == PlanState.RECONCILED) {
                return view.execution();
            }
            long start = System.nanoTime();
            Prepared p = requireValid(id);
            CompiledPlan plan = p.plan();
            List<ExecutionObserver> obs = new ArrayList<>(observers.orderedStream().toList());
            if (extra != null) {
                obs.add(extra);
            }
            log.info("Plan {}: validated in {} ms", id, (System.nanoTime() - start) / 1_000_000);
            store(id, "validation", p.validation(), PlanState.EXECUTING);
            // The execution's own time, kept apart from the legal effective instant (stored once: a resumed run keeps it).
            Instant startedAt = stamp(id, "execution_started_at");
            Reports.Execution prev = view.execution();
            List<Reports.Run> runs = new ArrayList<>();
            if (prev != null && prev.runs() != null) {
                // A run still marked running did not finish: the process stopped (a crash, a restart).
                prev.runs().forEach(r -> runs.add("RUNNING".equals(r.outcome())
                        ? new Reports.Run(r.startedAt(), r.stoppedAt(), r.by(), "INTERRUPTED", r.moved()) : r));
            }
            Instant runStart = clock.instant();
            long movedBefore = transfers.batchProgress(id).moved();
            runs.add(new Reports.Run(runStart, null, user, "RUNNING", 0));
            Reports.Execution ex0 = prev == null
                    ? new Reports.Execution(null, 0, 0, 0, 0, 0, 0, 0, 0, startedAt, null, 0, 0, 0, List.copyOf(runs))
                    : prev.withRuns(List.copyOf(runs));
            store(id, "execution", ex0, null);
            try {
                Reports.Execution ex = executeSteps(id, user, plan, p.router(), ex0, obs, start);
                runs.set(runs.size() - 1, new Reports.Run(runStart, clock.instant(), user, "COMPLETED", ex.movedNow()));
                ex = ex.withRuns(List.copyOf(runs));
                store(id, "execution", ex, PlanState.EXECUTED);
                log.info("Reorganisation plan {} executed: {} dossiers journaled, {} moved in all, {} now, {} ms", id,
                        ex.journal(), ex.moved(), ex.movedNow(), ex.millis());
                reconcile(id, plan);
                return ex;
            } catch (RuntimeException e) {
                Reports.Execution now = view(id).execution();
                runs.set(runs.size() - 1, new Reports.Run(runStart, clock.instant(), user, "INTERRUPTED",
                        transfers.batchProgress(id).moved() - movedBefore));
                store(id, "execution", (now == null ? ex0 : now).withRuns(List.copyOf(runs)), null);
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }

    /** The execution proper: units, officers, journal, batches. The report's totals cover every run of the plan. */
    private Reports.Execution executeSteps(UUID id, String user, CompiledPlan plan, Router validated,
                                           Reports.Execution prev, List<ExecutionObserver> obs, long start) {
        // 1. Units (idempotent: nothing happens when already applied), then the agencies of opened units.
        TerritoryChanges.ChangeReport units = changes.apply(plan.unitChanges(), plan.effectiveDate(), plan.legalBasis());
        int derived = agencies.deriveAgencies(plan.opening(), plan.effectiveDate());
        // Until now, submissions still reached the closing agencies (stored once: a resumed run keeps the first).
        Instant unitsApplied = stamp(id, "units_applied_at");
        Instant startedAt = prev.startedAt();
        // A resumed run finds the units applied already: the totals are the first run's.
        Reports.Execution totals = prev.withUnits(Math.max(prev.unitsOpened(), units.opened()),
                Math.max(prev.unitsClosed(), units.closed()), Math.max(prev.unitsLinked(), units.linked()),
                Math.max(prev.agenciesDerived(), derived));
        store(id, "execution", totals, null);
        obs.forEach(o -> o.unitsApplied(id));
        Router router = derived > 0 ? new Router(plan, territory, agencies) : validated;
        DossierTransfers.Scope scope = scope(plan, router.closingAgencies().values(), unitsApplied, startedAt);
        // 1b. Officers (OfficerMoves): the closing agencies' posts close; mapped holders continue in successor posts.
        OfficerMoves.Result staff = officerMoves.apply(id, plan, router, definition(id).postMappings(), scope);
        obs.forEach(o -> o.officersMoved(id, staff.moved(), staff.awaiting()));
        // 2. The journal, once: the in-flight dossiers and their successors, fixed before anything moves.
        Map<String, Long> before = prev.openBeforeByState();
        long late = prev.receivedAfterEffective();
        long journal = transfers.journalSize(id);
        if (journal == 0) {
            before = transfers.countOpenHeldBy(scope);
            store(id, "execution", totals.withJournal(before, 0, 0), null);
            long[] lateCount = new long[1];
            // Routing (reading the dossiers) and writing the journal overlap, each on its own connection.
            journal = Overlap.<DossierTransfers.Transfer, Long>run(
                    sink -> transfers.forEachOpenHeldBy(scope, d -> {
                        Router.Decision dec = router.decide(d);
                        Instant due = plan.extendDeadlines() && d.dueAt() != null && plan.extendWorkingDays() > 0
                                ? calendar.addWorkingDays(d.dueAt().atZone(PlanCompiler.VN), plan.extendWorkingDays(), dec.to().code()).toInstant()
                                : null;
                        boolean after = !d.heldSince().isBefore(plan.effective());
                        if (after) {
                            lateCount[0]++;
                        }
                        sink.accept(new DossierTransfers.Transfer(d.id(), d.agencyCode(), dec.to().code(), dec.to().name(),
                                dec.rule().name(), due, after));
                    }),
                    planned -> transfers.journal(id, plan.effective(), plan.batchSize(), planned));
            late = lateCount[0];
            store(id, "execution", totals.withJournal(before, journal, late), null);
            log.info("Plan {}: {} dossiers routed and journaled ({} received after the effective date) at {} ms", id,
                    journal, late, (System.nanoTime() - start) / 1_000_000);
        }
        if (before == null) {
            before = transfers.journaledOpenByState(id);
        }
        int batches = (int) ((journal + plan.batchSize() - 1) / plan.batchSize());
        long journalRows = journal;
        obs.forEach(o -> o.journaled(id, journalRows, batches));
        // 3. The batches still pending (all of them, or those after a crash).
        String reason = "Sắp xếp đơn vị hành chính: " + plan.legalBasis();
        long movedNow = runBatches(id, transfers.pendingBatches(id), user, reason, plan.notifyApplicants(), obs);
        // 4. Names follow: open dossiers of agencies that kept their code under a new name (RENAME, RECLASSIFY, a
        // reclassified parent) show the name valid now; the moved ones already carry their new agency's name.
        Map<String, String> names = new HashMap<>();
        agencies.agenciesOf(plan.opening(), plan.effectiveDate()).forEach(a -> names.put(a.code(), a.name()));
        int renamed = names.isEmpty() ? 0 : transfers.refreshAgencyNames(names);
        if (renamed > 0) {
            log.info("Plan {}: agency name refreshed on {} open dossiers", id, renamed);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Reports.Execution(before, journal, batches, batches, transfers.batchProgress(id).moved(),
                totals.unitsOpened(), totals.unitsClosed(), totals.unitsLinked(), totals.agenciesDerived(), startedAt,
                clock.instant(), millis, movedNow, late, prev.runs());
    }

    /** Sets the plan's timestamp column to the database's now() once, and returns it (the first value on a resume). */
    private Instant stamp(UUID id, String column) {
        return jdbc.sql("update reorg_plan set " + column + " = coalesce(" + column + ", now()) where id = ? returning " + column)
                .param(id).query(Timestamp.class).single().toInstant();
    }

    /**
     * Which open dossiers the closing agencies hold (see {@link DossierTransfers.Scope}). {@code until}: when the unit
     * changes were applied (null before: everything received so far); {@code knownBefore}: agency versions recorded
     * before it that reuse a closing code are continuing agencies (null: every version recorded so far).
     */
    DossierTransfers.Scope scope(CompiledPlan plan, java.util.Collection<Agency> closing, Instant until, Instant knownBefore) {
        Set<UUID> closingIds = new HashSet<>();
        Set<String> codes = new java.util.LinkedHashSet<>();
        closing.forEach(a -> {
            closingIds.add(a.id());
            codes.add(a.code());
        });
        List<DossierTransfers.Continuing> continuing = new ArrayList<>();
        for (TerritoryAgencies.AgencyVersion v : agencies.versions(codes)) {
            if (!closingIds.contains(v.id()) && (knownBefore == null || v.recordedAt().isBefore(knownBefore))) {
                continuing.add(new DossierTransfers.Continuing(v.code(), v.validFrom().atStartOfDay(PlanCompiler.VN).toInstant(),
                        v.validTo() == null ? null : v.validTo().atStartOfDay(PlanCompiler.VN).toInstant()));
            }
        }
        return new DossierTransfers.Scope(codes, plan.effective(), until, continuing);
    }

    /** The scope of a plan not executed yet: everything received so far, every agency version known. */
    private DossierTransfers.Scope scope(CompiledPlan plan, Router router) {
        return scope(plan, router.closingAgencies().values(), null, null);
    }

    /**
     * Runs the pending batches on {@link #parallelism} workers (each batch is its own transaction over its own
     * dossiers, so batches never wait for each other; PostgreSQL then uses every core). On the first failure no further
     * batch starts, the ones running finish, and the failure is rethrown: a restart redoes only what did not commit.
     */
    private long runBatches(UUID id, List<Integer> pending, String user, String reason, boolean notify,
                            List<ExecutionObserver> obs) {
        if (pending.isEmpty()) {
            return 0;
        }
        java.util.concurrent.atomic.AtomicLong moved = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicReference<RuntimeException> failure = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.Iterator<Integer> next = pending.iterator();
        Runnable worker = () -> {
            while (failure.get() == null) {
                int b;
                synchronized (next) {
                    if (!next.hasNext()) {
                        return;
                    }
                    b = next.next();
                }
                try {
                    int n = transfers.transferBatch(id, b, user, reason, notify);
                    moved.addAndGet(n);
                    obs.forEach(o -> o.batchDone(id, b, n));
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }
        };
        int workers = Math.min(parallelism, pending.size());
        List<Thread> threads = new ArrayList<>();
        for (int i = 1; i < workers; i++) {
            Thread t = new Thread(worker, "reorg-batch-" + i);
            t.start();
            threads.add(t);
        }
        worker.run();
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return moved.get();
    }

    // ------------------------------------------------------------------ reconciliation

    public Reports.Reconciliation reconcile(UUID id) {
        return reconcile(id, null);
    }

    /**
     * The proof: open dossiers before and after by state, none left with a closing agency, the triage count, flows
     * that do not follow the lineage, steps left with officers who moved. Its reads over the journal and the dossiers
     * are independent of each other and each one core's work, so they run side by side ({@code plan}: the execution's
     * compiled plan, or null to compile it).
     */
    private Reports.Reconciliation reconcile(UUID id, CompiledPlan compiled) {
        long start = System.nanoTime();
        Reports.PlanView view = view(id);
        PlanState s = PlanState.valueOf(view.state());
        if (s != PlanState.EXECUTED && s != PlanState.RECONCILED) {
            throw ApiException.conflict("reorg.plan.notExecuted", id);
        }
        CompiledPlan plan = compiled != null ? compiled : compiler.compile(definition(id));
        Times times = times(id);
        DossierTransfers.Scope heldScope = scope(plan, agencies.agenciesOf(plan.closing(), plan.dayBefore()),
                times.unitsApplied() == null ? plan.effective() : times.unitsApplied(), times.started());
        Map<String, Long> before = view.execution() == null || view.execution().openBeforeByState() == null
                ? Map.of() : view.execution().openBeforeByState();
        java.util.concurrent.ExecutorService readers = java.util.concurrent.Executors.newFixedThreadPool(
                Math.max(1, parallelism), r -> {
                    Thread t = new Thread(r, "reorg-reconcile");
                    t.setDaemon(true);
                    return t;
                });
        try {
            var afterF = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> transfers.journaledOpen(id, RoutingRule.TRIAGE.name()), readers);
            var heldF = java.util.concurrent.CompletableFuture.supplyAsync(() -> transfers.countOpenHeldBy(heldScope)
                    .values().stream().mapToLong(Long::longValue).sum(), readers);
            var flowsF = java.util.concurrent.CompletableFuture.supplyAsync(() -> transfers.flows(id), readers);
            var journalF = java.util.concurrent.CompletableFuture.supplyAsync(() -> transfers.journalSize(id), readers);
            // Besides the plan's own proof, the system-wide check (nothing open anywhere on an agency closed today).
            var strandedF = java.util.concurrent.CompletableFuture.supplyAsync(stranded::check, readers);
            List<DossierTransfers.Flow> flows = flowsF.join();
            var staleF = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> officerMoves.staleAssignments(id, plan, flows), readers);
            long untraceable = untraceable(plan, flows);
            DossierTransfers.JournaledOpen journaled = afterF.join();
            Map<String, Long> after = journaled.byState();
            long held = heldF.join();
            long triage = journaled.stillHeldByRule();
            vn.motcua.dossier.StepAssignments.Stale stale = staleF.join();
            Map<String, Reports.StateCount> byState = new TreeMap<>();
            Set<String> states = new HashSet<>(before.keySet());
            states.addAll(after.keySet());
            for (String st : states) {
                byState.put(st, new Reports.StateCount(before.getOrDefault(st, 0L), after.getOrDefault(st, 0L)));
            }
            long openBefore = before.values().stream().mapToLong(Long::longValue).sum();
            long openAfter = after.values().stream().mapToLong(Long::longValue).sum();
            boolean invariant = held == 0 && stale.count() == 0;
            Reports.Reconciliation r = new Reports.Reconciliation(openBefore, openAfter, invariant, held, triage, byState,
                    journalF.join(), untraceable, openBefore == openAfter, clock.instant(), stale.count(),
                    stale.sample(), strandedF.join().count());
            store(id, "reconciliation", r, invariant && untraceable == 0 ? PlanState.RECONCILED : PlanState.EXECUTED);
            log.info("Plan {}: reconciled in {} ms (invariant {}, untraceable flows {})", id,
                    (System.nanoTime() - start) / 1_000_000, invariant, untraceable);
            return r;
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        } finally {
            readers.shutdown();
        }
    }

    record Times(Instant started, Instant unitsApplied) {
    }

    /** When the plan's execution started and applied its unit changes (nulls for plans executed before they were kept). */
    Times times(UUID id) {
        return jdbc.sql("select execution_started_at, units_applied_at from reorg_plan where id = ?").param(id)
                .query((rs, n) -> new Times(instantOrNull(rs.getTimestamp(1)), instantOrNull(rs.getTimestamp(2)))).single();
    }

    private static Instant instantOrNull(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** Flows (from agency → to agency) whose target unit does not descend, through lineage, from the source unit. */
    private long untraceable(CompiledPlan plan, List<DossierTransfers.Flow> flows) {
        Map<String, Agency> from = new HashMap<>();
        agencies.agenciesOf(plan.closing(), plan.dayBefore()).forEach(a -> from.put(a.code(), a));
        Map<String, Set<String>> reachable = new HashMap<>();
        long bad = 0;
        for (DossierTransfers.Flow f : flows) {
            Agency a = from.get(f.fromAgency());
            Optional<Agency> to = territory.agency(f.toAgency(), plan.effectiveDate());
            if (a == null || to.isEmpty()) {
                bad++;
                continue;
            }
            if (RoutingRule.EXPLICIT.name().equals(f.rule())) {
                continue; // named by the plan itself
            }
            Set<String> ok = reachable.computeIfAbsent(a.unitCode(), u -> {
                Set<String> set = new HashSet<>();
                for (Successor s : territory.successors(u, plan.dayBefore())) {
                    set.add(s.unit().code());
                    territory.province(s.unit().code(), plan.effectiveDate()).ifPresent(pv -> set.add(pv.code()));
                }
                return set;
            });
            String toUnit = to.get().unitCode();
            String toProvince = territory.province(toUnit, plan.effectiveDate()).map(x -> x.code()).orElse(null);
            if (!ok.contains(toUnit) && !ok.contains(toProvince)) {
                bad++;
            }
        }
        return bad;
    }

    // ------------------------------------------------------------------ triage decision, journal export

    /**
     * An officer decides where a dossier left in triage goes (rule EXPLICIT), with its event. The stored
     * reconciliation's triage count goes down by one in the same transaction: nothing else in it changes (the dossier
     * stays open, in the journal, with an open agency), and recomputing it all would read the whole journal and every
     * dossier again for each decision. The applicant is told the agency chosen (unless the plan notifies nobody).
     */
    public boolean decideTriage(UUID id, UUID dossierId, String agencyCode, String user) {
        Reports.PlanView view = view(id);
        LocalDate today = LocalDate.now(clock.withZone(PlanCompiler.VN));
        LocalDate effective = view.effective().atZone(PlanCompiler.VN).toLocalDate();
        Agency target = territory.agency(agencyCode, today.isAfter(effective) ? today : effective)
                .orElseThrow(() -> ApiException.unprocessable("reorg.triage.unknownAgency", agencyCode));
        DossierTransfers.Transfer row = transfers.journaled(id, dossierId)
                .filter(t -> RoutingRule.TRIAGE.name().equals(t.rule()))
                .orElseThrow(() -> ApiException.conflict("reorg.triage.notInTriage", dossierId));
        Boolean notifies = definition(id).notifyApplicants();
        boolean notify = notifies == null || notifies;
        Boolean moved = tx.execute(s -> {
            if (!transfers.transferOne(id, dossierId, row.toAgency(), target.code(), target.name(),
                    RoutingRule.EXPLICIT.name(), view.effective(), user, "Quyết định phân loại sau sắp xếp đơn vị hành chính",
                    notify)) {
                return false;
            }
            jdbc.sql("""
                    update reorg_plan set reconciliation = jsonb_set(reconciliation, '{triage}',
                           to_jsonb(greatest(0, (reconciliation->>'triage')::bigint - 1)))
                     where id = ? and reconciliation is not null""").param(id).update();
            return true;
        });
        if (!Boolean.TRUE.equals(moved)) {
            throw ApiException.conflict("reorg.triage.notInTriage", dossierId);
        }
        return true;
    }

    public void journalCsv(UUID id, Writer out) {
        view(id);
        write(out, "batch_no,dossier_id,code,state,from_agency,to_agency,rule,due_at,done_at\n");
        transfers.forEachJournalEntry(id, e -> write(out, e.batchNo() + "," + e.dossierId() + "," + csv(e.code()) + ","
                + e.state() + "," + csv(e.fromAgency()) + "," + csv(e.toAgency()) + "," + e.rule() + ","
                + (e.dueAt() == null ? "" : e.dueAt()) + "," + (e.doneAt() == null ? "" : e.doneAt()) + "\n"));
    }

    public void forEachJournalEntry(UUID id, Consumer<DossierTransfers.JournalEntry> each) {
        transfers.forEachJournalEntry(id, each);
    }
}
