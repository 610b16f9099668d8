package vn.motcua.territory.imports;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.platform.MotcuaProperties;
import vn.motcua.territory.TerritoryChanges;
import vn.motcua.territory.TerritoryReferenceData;
import vn.motcua.territory.internal.LineageReview;
import vn.motcua.territory.internal.StaffCache;
import vn.motcua.territory.internal.UnitDirectory;

/**
 * Loads the real administrative units (snapshot of 1 March 2025, then the 1 July 2025 reorganisation through
 * {@link TerritoryChanges}), the agencies derived from them and, in demo mode, demo posts and officers.
 * Each step is recorded in {@code territory_import}, so a second call costs one query (and nothing after that in
 * the same JVM); each step is also idempotent by itself.
 */
@Service
public class TerritoryImporter implements TerritoryReferenceData {

    private static final Logger log = LoggerFactory.getLogger(TerritoryImporter.class);
    static final String UNITS = "units-2025";
    static final String AGENCIES = "agencies-2025";
    /** Separate steps, so an installation imported before they existed gets them on its next start. */
    static final String LINEAGE_REVIEW = "lineage-review-2025";
    static final String LINEAGE_CORRECTIONS = "lineage-corrections-2025-v1";
    /** Bumped when demo seats are added, so an installation loaded before gets the new ones (inserts are idempotent). */
    static final String DEMO = "demo-officers-2025-v2";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final TerritoryChanges changes;
    private final UnitDirectory directory;
    private final MotcuaProperties properties;
    private final StaffCache staffCache;
    private final LineageReview lineage;
    private volatile boolean loaded;
    private volatile boolean demoLoaded;

    public TerritoryImporter(JdbcClient jdbc, TransactionTemplate tx, TerritoryChanges changes, UnitDirectory directory,
                             MotcuaProperties properties, StaffCache staffCache, LineageReview lineage) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.changes = changes;
        this.directory = directory;
        this.properties = properties;
        this.staffCache = staffCache;
        this.lineage = lineage;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(100)
    public void onStart() {
        if (!properties.seedOnStart()) {
            return;
        }
        ensureLoaded();
        if (properties.demo()) {
            ensureDemoLoaded();
        }
    }

    @Override
    public synchronized void ensureLoaded() {
        if (loaded) {
            return;
        }
        Set<String> done = done();
        if (!done.contains(UNITS)) {
            importUnits();
        }
        if (!done.contains(AGENCIES)) {
            importAgencies();
        }
        // The mapping is not trusted blindly: suspicious links are listed for review (checked on the links as
        // imported), then the corrections shipped as data are applied, each once.
        if (!done.contains(LINEAGE_REVIEW)) {
            mark(LINEAGE_REVIEW, "flags=" + lineage.flagLinks(Reorganisation2025.REORG));
        }
        if (!done.contains(LINEAGE_CORRECTIONS)) {
            mark(LINEAGE_CORRECTIONS, "corrections=" + lineage.applyShipped());
        }
        loaded = true;
    }

    @Override
    public synchronized void ensureDemoLoaded() {
        ensureLoaded();
        if (demoLoaded) {
            return;
        }
        if (!done().contains(DEMO)) {
            long start = System.nanoTime();
            int holdings = tx.execute(s -> {
                int created = DemoStaff.load(jdbc);
                staffCache.changed();   // officers (their usernames), posts and holdings
                return created;
            });
            mark(DEMO, "holdings=" + holdings);
            log.info("Territory demo staff: {} post holdings in {} ms", holdings, ms(start));
        }
        demoLoaded = true;
    }

    /** The full national import (units, lineage, agencies); public for the bench. Idempotent. */
    public ImportReport importUnits() {
        long start = System.nanoTime();
        Reorganisation2025.Plan plan = Reorganisation2025.build();
        long parsed = System.nanoTime();
        TerritoryChanges.ChangeReport snap = changes.apply(plan.snapshot(), Reorganisation2025.SNAPSHOT_FROM,
                Reorganisation2025.SNAPSHOT_BASIS);
        TerritoryChanges.ChangeReport reorg = changes.apply(plan.reorganisation(), Reorganisation2025.REORG,
                Reorganisation2025.PROVINCE_BASIS);
        ImportReport report = new ImportReport(snap, reorg, plan.skippedLinks(), plan.aliasedCodes().size(),
                ms(start), (parsed - start) / 1_000_000);
        mark(UNITS, report.toString());
        log.info("Territory units imported: {}", report);
        return report;
    }

    public record ImportReport(TerritoryChanges.ChangeReport snapshot, TerritoryChanges.ChangeReport reorganisation,
                               int skippedLinks, int aliasedCodes, long millis, long parseMillis) {
    }

    /**
     * Agencies derived from units (codes documented in docs/territory.md): for every current commune-level unit
     * UBND-, CA-, TTPV-{code}; for every current province UBND-, STP-, CA-, TTPV-{code}; and for the old units of
     * HCMC, Bình Dương and Bà Rịa–Vũng Tàu (valid until 1 July 2025): UBND-/STP-/CA-/TTPV- of the province,
     * UBND-/CA- of each district and commune.
     */
    public int importAgencies() {
        long start = System.nanoTime();
        Integer n = tx.execute(s -> {
            int created = jdbc.sql("""
                insert into territory_agency (id, code, name, level, kind, sector, unit_id, valid_from, valid_to)
                select gen_random_uuid(), t.prefix || '-' || u.code, t.label || ' ' || u.full_name,
                       case when u.type in ('PROVINCE', 'MUNICIPALITY') then 'PROVINCE'
                            when u.type = 'DISTRICT' then 'DISTRICT' else 'COMMUNE' end,
                       t.kind, t.sector, u.id, u.valid_from, u.valid_to
                from territory_unit u
                left join territory_unit d on d.id = u.parent_id
                left join territory_unit p on p.id = d.parent_id
                join (values ('UBND', 'Ủy ban nhân dân', 'PEOPLES_COMMITTEE', null, 'PDC', 'PDC'),
                             ('STP', 'Sở Tư pháp', 'DEPARTMENT', 'TU_PHAP', 'P', 'P'),
                             ('CA', 'Công an', 'POLICE', null, 'PC', 'PDC'),
                             ('TTPV', 'Trung tâm Phục vụ hành chính công', 'SERVICE_CENTRE', null, 'PC', 'P'))
                     as t(prefix, label, kind, sector, current_levels, old_levels)
                  on strpos(case when u.valid_to is null then t.current_levels else t.old_levels end,
                            case when u.type in ('PROVINCE', 'MUNICIPALITY') then 'P'
                                 when u.type = 'DISTRICT' then 'D' else 'C' end) > 0
                where u.valid_to is null
                   or (u.valid_to = :reorg and coalesce(p.code, d.code, u.code) in ('79', '74', '77'))
                on conflict (code, valid_from) do nothing
                """).param("reorg", Reorganisation2025.REORG).update();
            if (created > 0) {
                staffCache.changed();
            }
            return created;
        });
        mark(AGENCIES, "agencies=" + n);
        log.info("Territory agencies: {} created in {} ms", n, ms(start));
        return n == null ? 0 : n;
    }

    private Set<String> done() {
        return new HashSet<>(jdbc.sql("select name from territory_import").query(String.class).list());
    }

    private void mark(String name, String report) {
        jdbc.sql("insert into territory_import (name, report) values (:n, :r) on conflict (name) do nothing")
                .param("n", name).param("r", report).update();
    }

    /** Row counts of every territory table (for tests and the bench). */
    public List<Long> rowCounts() {
        return List.of("territory_unit", "territory_lineage", "territory_agency", "territory_post",
                        "territory_officer", "territory_post_holding").stream()
                .map(t -> jdbc.sql("select count(*) from " + t).query(Long.class).single()).toList();
    }

    /** Forgets the in-JVM "already loaded" flags so the next call checks the database again (tests, bench). */
    public synchronized void forget() {
        loaded = false;
        demoLoaded = false;
    }

    /** Deletes the import markers, so the next call runs every step again (idempotency tests, bench). */
    public synchronized void forgetMarkers() {
        jdbc.sql("delete from territory_import").update();
        forget();
    }

    private static long ms(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    static LocalDate reorg() {
        return Reorganisation2025.REORG;
    }
}
