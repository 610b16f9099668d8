package vn.motcua.reorg.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.platform.api.ApiException;
import vn.motcua.reorg.PlanState;

/** Reorganisation plans as stored: their definition, state, reports and the execution's own instants. */
@Service
public class PlanStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final MergesImport merges;
    private final Clock clock;

    PlanStore(JdbcClient jdbc, JsonMapper json, MergesImport merges, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.merges = merges;
        this.clock = clock;
    }

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

    PlanState state(UUID id) {
        return PlanState.valueOf(view(id).state());
    }

    void store(UUID id, String column, Object value, PlanState state) {
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

    /** Sets the plan's timestamp column to the database's now() once, and returns it (the first value on a resume). */
    Instant stamp(UUID id, String column) {
        return jdbc.sql("update reorg_plan set " + column + " = coalesce(" + column + ", now()) where id = ? returning " + column)
                .param(id).query(Timestamp.class).single().toInstant();
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
}
