package vn.motcua.catalogue.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.catalogue.Catalogue;
import vn.motcua.calendar.PausePolicy;
import vn.motcua.catalogue.Performer;
import vn.motcua.catalogue.ProcedureSummary;
import vn.motcua.catalogue.ProcedureVersion;
import vn.motcua.calendar.ProcessingTime;
import vn.motcua.catalogue.ProcessTemplate;
import vn.motcua.platform.api.ApiException;
import vn.motcua.territory.Agency;
import vn.motcua.territory.AgencyLevel;
import vn.motcua.territory.Territory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalogue: versions in force, search, the draft → published workflow and which agency performs
 * a procedure for a place. The territory is optional at start-up (its module may be absent): without
 * it, no agency is derived.
 */
@Service
public class CatalogueService implements Catalogue {

    private final CatalogueRepository repository;
    private final ProcedureSearch search;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final java.util.function.Supplier<Territory> territory;
    private final CatalogueCache cache;
    private final org.springframework.context.ApplicationEventPublisher events;

    private record InForce(String code, LocalDate day) {
    }

    public CatalogueService(CatalogueRepository repository, ProcedureSearch search, JdbcClient jdbc, JsonMapper json,
                            ObjectProvider<Territory> territory, CatalogueCache cache,
                            org.springframework.context.ApplicationEventPublisher events) {
        this.cache = cache;
        this.events = events;
        this.repository = repository;
        this.search = search;
        this.jdbc = jdbc;
        this.json = json;
        // Resolved once (looking a bean up on every call is costly); null while the module is absent.
        this.territory = org.springframework.util.function.SingletonSupplier.ofNullable(territory::getIfAvailable);
    }

    @Override
    public Optional<ProcedureVersion> versionInForce(String procedureCode, LocalDate asOf) {
        return cache.get(new InForce(procedureCode, asOf), () -> repository.inForce(procedureCode, asOf));
    }

    @Override
    public List<ProcedureVersion> allInForce(LocalDate asOf) {
        return repository.allInForce(asOf);
    }

    @Override
    public List<ProcedureSummary> search(String query, int limit) {
        return search.search(query, Math.max(1, Math.min(limit, 100)));
    }

    public ProcedureVersion requireInForce(String code, LocalDate asOf) {
        return versionInForce(code, asOf).orElseThrow(() -> ApiException.notFound("catalogue.error.notInForce", code, asOf));
    }

    public boolean territoryAvailable() {
        return territory.get() != null;
    }

    private record Overrides(String procedureCode, String unitCode, LocalDate asOf) {
    }

    /**
     * From {@code validFrom}, the agency performs the procedure for the unit's applicants whatever the performer
     * level says (an explicit assignment: a procedure moved to another agency, a shared service).
     */
    @Transactional
    public void assignAgency(String procedureCode, String unitCode, String agencyCode, LocalDate validFrom) {
        jdbc.sql("""
                insert into catalogue_agency_override(procedure_code, unit_code, agency_code, valid_from)
                values (:p, :u, :a, :f)""")
                .param("p", procedureCode).param("u", unitCode).param("a", agencyCode).param("f", validFrom).update();
        cache.clearAfterCommit();
    }

    @Override
    public List<Agency> competentAgencies(String procedureCode, String unitCode, LocalDate asOf) {
        Territory t = territory.get();
        if (t == null) {
            return List.of();
        }
        Map<String, Agency> out = new LinkedHashMap<>();
        List<String> overrides = cache.get(new Overrides(procedureCode, unitCode, asOf), () -> List.copyOf(jdbc.sql("""
                select agency_code from catalogue_agency_override where procedure_code = :p and unit_code = :u
                  and valid_from <= :d and (valid_to is null or :d < valid_to) order by id""")
                .param("p", procedureCode).param("u", unitCode).param("d", asOf).query(String.class).list()));
        for (String code : overrides) {
            t.agency(code, asOf).ifPresent(a -> out.put(a.code(), a));
        }
        if (!out.isEmpty()) {
            return new ArrayList<>(out.values());
        }
        Optional<ProcedureVersion> v = versionInForce(procedureCode, asOf);
        if (v.isEmpty()) {
            return List.of();
        }
        Performer p = v.get().performer();
        if (p.level() == null || p.kind() == null || p.level() == AgencyLevel.CENTRAL) {
            return List.of();
        }
        for (Agency a : t.competentAgencies(unitCode, p.level(), p.kind(), p.sector(), asOf)) {
            out.put(a.code(), a);
        }
        return out.values().stream().sorted(Comparator.comparing(Agency::code)).toList();
    }

    /** How one kind of performing body changed for a unit across a reorganisation. */
    public record AgencyChange(Performer performer, long procedures, List<Agency> before, List<Agency> after) {
    }

    /**
     * For a unit that existed the day before {@code effective}: which agencies performed its procedures
     * before, and which (successor units') agencies perform them from {@code effective} on, grouped by
     * performer kind (with the number of detailed procedures performed that way). Derived from lineage.
     */
    public List<AgencyChange> agencyChanges(String oldUnitCode, LocalDate effective) {
        Territory t = territory.get();
        if (t == null) {
            return List.of();
        }
        LocalDate before = effective.minusDays(1);
        List<String> successors = t.successors(oldUnitCode, before).stream()
                .filter(s -> !s.effective().isAfter(effective) && s.unit().validOn(effective))
                .map(s -> s.unit().code()).distinct().toList();
        List<AgencyChange> out = new ArrayList<>();
        jdbc.sql("""
                select performer_level, performer_kind, performer_sector, count(*) n from catalogue_version v
                join catalogue_procedure p on p.code = v.procedure_code
                where p.detailed and v.status = 'PUBLISHED' and performer_kind is not null and performer_level <> 'CENTRAL'
                group by 1, 2, 3 order by 1, 2, 3""")
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)})
                .list().forEach(row -> {
                    AgencyLevel level = AgencyLevel.valueOf((String) row[0]);
                    vn.motcua.territory.AgencyKind kind = vn.motcua.territory.AgencyKind.valueOf((String) row[1]);
                    String sector = (String) row[2];
                    List<Agency> old = t.competentAgencies(oldUnitCode, level, kind, sector, before);
                    Map<String, Agency> now = new LinkedHashMap<>();
                    for (String s : successors) {
                        t.competentAgencies(s, level, kind, sector, effective).forEach(a -> now.put(a.code(), a));
                    }
                    if (!old.isEmpty() || !now.isEmpty()) {
                        out.add(new AgencyChange(new Performer(level, kind, sector, null), (Long) row[3], old,
                                new ArrayList<>(now.values())));
                    }
                });
        return out;
    }

    // ---------------------------------------------------------------- draft → published

    /** A new draft copied from the given version (or the latest one), valid from {@code validFrom}. */
    @Transactional
    public UUID createDraft(String code, LocalDate validFrom) {
        repository.procedure(code).orElseThrow(() -> ApiException.notFound("catalogue.error.noProcedure", code));
        jdbc.sql("select code from catalogue_procedure where code = :c for update").param("c", code).query(String.class).single();
        UUID id = UUID.randomUUID();
        int no = jdbc.sql("select coalesce(max(version_no), 0) + 1 from catalogue_version where procedure_code = :c")
                .param("c", code).query(Integer.class).single();
        int copied = jdbc.sql("""
                insert into catalogue_version(id, procedure_code, version_no, status, valid_from, processing_amount,
                    processing_unit, processing_raw, online_level, channels, required_documents, fees, steps_text,
                    eform_schema, process, pause_policy, performer_text, performer_level, performer_kind,
                    performer_sector, needs_review, review_notes, source)
                select :id, procedure_code, :no, 'DRAFT', :from, processing_amount, processing_unit, processing_raw,
                    online_level, channels, required_documents, fees, steps_text, eform_schema, process, pause_policy,
                    performer_text, performer_level, performer_kind, performer_sector, needs_review, review_notes, 'MANUAL'
                from catalogue_version where procedure_code = :c order by version_no desc limit 1""")
                .param("id", id).param("no", no).param("from", Date.valueOf(validFrom)).param("c", code).update();
        if (copied == 0) {
            jdbc.sql("insert into catalogue_version(id, procedure_code, version_no, status, valid_from, source) values (:id, :c, :no, 'DRAFT', :from, 'MANUAL')")
                    .param("id", id).param("c", code).param("no", no).param("from", Date.valueOf(validFrom)).update();
        }
        return id;
    }

    /** Edits a draft's processing time (rebuilding the default process), pause policy and start date. */
    @Transactional
    public void updateDraft(UUID id, ProcessingTime time, PausePolicy pause, LocalDate validFrom) {
        ProcedureVersion v = repository.version(id).orElseThrow(() -> ApiException.notFound("catalogue.error.noVersion", id));
        if (v.status() != ProcedureVersion.Status.DRAFT) {
            throw ApiException.conflict("catalogue.error.publishedIsFrozen", v.code(), v.versionNo());
        }
        jdbc.sql("""
                update catalogue_version set processing_amount = :a, processing_unit = :u, pause_policy = :p,
                  valid_from = :f, process = cast(:process as jsonb) where id = :id""")
                .param("a", time == null ? null : time.amount()).param("u", time == null ? null : time.unit().name())
                .param("p", pause.name()).param("f", Date.valueOf(validFrom))
                .param("process", json.writeValueAsString(ProcessTemplate.defaultProcess(time))).param("id", id).update();
    }

    /**
     * Publishes a draft. An open-ended published version that started earlier is closed on the new
     * version's start date; any other overlap is refused (409).
     */
    @Transactional
    public void publish(UUID id) {
        ProcedureVersion v = repository.version(id).orElseThrow(() -> ApiException.notFound("catalogue.error.noVersion", id));
        if (v.status() != ProcedureVersion.Status.DRAFT) {
            throw ApiException.conflict("catalogue.error.alreadyPublished", v.code(), v.versionNo());
        }
        if (v.processingTime() != null && ProcessTemplate.totalHours(v.process()) != v.processingTime().inWorkingHours()) {
            throw ApiException.unprocessable("catalogue.error.quotas", v.code());
        }
        jdbc.sql("select code from catalogue_procedure where code = :c for update").param("c", v.code()).query(String.class).single();
        jdbc.sql("""
                update catalogue_version set valid_to = :f where procedure_code = :c and status = 'PUBLISHED'
                  and valid_to is null and valid_from < :f""")
                .param("f", Date.valueOf(v.validFrom())).param("c", v.code()).update();
        try {
            jdbc.sql("update catalogue_version set status = 'PUBLISHED', published_at = now() where id = :id")
                    .param("id", id).update();
            cache.clearAfterCommit();
            events.publishEvent(new vn.motcua.catalogue.CatalogueChanged(List.of(v.code())));
        } catch (DataIntegrityViolationException e) {
            throw ApiException.conflict("catalogue.error.overlap", v.code(), v.validFrom());
        }
    }
}
