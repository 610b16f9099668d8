package vn.motcua.territory.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.platform.api.ApiException;
import vn.motcua.platform.text.VietnameseText;
import vn.motcua.territory.AdministrativeUnit;
import vn.motcua.territory.TerritoryChanges;
import vn.motcua.territory.UnitChanges;

/**
 * Applies unit changes at an instant: closes (valid_to = effective), opens (valid_from = effective, parent
 * resolved on that date) and lineage links, in one transaction, with batched statements. Everything is keyed so a
 * second application is a no-op: units by (code, valid_from), links by (predecessor, successor).
 */
@Service
public class UnitChangeService implements TerritoryChanges {

    private static final Logger log = LoggerFactory.getLogger(UnitChangeService.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final UnitDirectory directory;
    private final StaffCache staffCache;

    public UnitChangeService(JdbcTemplate jdbc, TransactionTemplate tx, UnitDirectory directory, StaffCache staffCache) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.directory = directory;
        this.staffCache = staffCache;
    }

    @Override
    public ChangeReport apply(UnitChanges changes, LocalDate effective, String legalBasis) {
        if (effective == null || legalBasis == null || legalBasis.isBlank()) {
            throw ApiException.badRequest("territory.changes.missing");
        }
        UnitIndex index = directory.index();
        LocalDate before = effective.minusDays(1);
        List<List<UnitChanges.Open>> opens = byDepth(changes.opens());
        validate(changes, changes.opens(), index, effective, before);

        ChangeReport report = tx.execute(status -> jdbc.execute((java.sql.Connection c) -> {
            java.sql.Date eff = java.sql.Date.valueOf(effective);
            java.sql.Date prev = java.sql.Date.valueOf(before);
            String[] closeCodes = changes.closes().toArray(String[]::new);
            int closed = update(c, """
                    update territory_unit set valid_to = ? where valid_to is null and valid_from < ? and code = any (?)
                    """, eff, eff, c.createArrayOf("text", closeCodes));
            // No agency outlives its unit (a closed agency shows in the holdings Staff answers with).
            int agenciesClosed = update(c, """
                    update territory_agency a set valid_to = ? from territory_unit u
                    where a.unit_id = u.id and u.valid_to = ? and u.code = any (?) and (a.valid_to is null or a.valid_to > ?)
                    """, eff, eff, c.createArrayOf("text", closeCodes), eff);
            if (agenciesClosed > 0) {
                staffCache.changed();
            }
            int opened = 0;
            for (List<UnitChanges.Open> level : opens) {
                opened += update(c, """
                        insert into territory_unit (id, code, name, full_name, type, parent_id, parent_code, valid_from, name_folded)
                        select gen_random_uuid(), x.code, x.name, x.full_name, x.type, p.id, x.parent_code, ?, x.folded
                        from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                             as x(code, name, full_name, type, parent_code, folded)
                        left join territory_unit p on p.code = x.parent_code and p.valid_from <= ?
                                                  and (p.valid_to is null or p.valid_to > ?)
                        on conflict (code, valid_from) do nothing
                        """, eff,
                        c.createArrayOf("text", level.stream().map(UnitChanges.Open::code).toArray()),
                        c.createArrayOf("text", level.stream().map(UnitChanges.Open::name).toArray()),
                        c.createArrayOf("text", level.stream().map(UnitChanges.Open::fullName).toArray()),
                        c.createArrayOf("text", level.stream().map(o -> o.type().name()).toArray()),
                        c.createArrayOf("text", level.stream().map(UnitChanges.Open::parentCode).toArray()),
                        c.createArrayOf("text", level.stream().map(o -> VietnameseText.fold(o.fullName())).toArray()),
                        eff, eff);
            }
            if (opened + closed > 1000) {
                // Fresh statistics, or the planner joins thousands of links against a table it believes empty.
                update(c, "analyze territory_unit");
            }
            List<UnitChanges.Link> links = changes.links();
            int linked = update(c, """
                    insert into territory_lineage (id, predecessor_id, successor_id, kind, share, effective, legal_basis)
                    select gen_random_uuid(), p.id, s.id, x.kind, x.share, ?, x.basis
                    from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) as x(pred, succ, kind, share, basis)
                    join territory_unit p on p.code = x.pred and p.valid_from <= ? and (p.valid_to is null or p.valid_to > ?)
                    join territory_unit s on s.code = x.succ and s.valid_from <= ? and (s.valid_to is null or s.valid_to > ?)
                    on conflict (predecessor_id, successor_id) do nothing
                    """, eff,
                    c.createArrayOf("text", links.stream().map(UnitChanges.Link::predecessorCode).toArray()),
                    c.createArrayOf("text", links.stream().map(UnitChanges.Link::successorCode).toArray()),
                    c.createArrayOf("text", links.stream().map(l -> l.kind().name()).toArray()),
                    c.createArrayOf("text", links.stream().map(l -> l.share().name()).toArray()),
                    c.createArrayOf("text", links.stream().map(l -> l.legalBasis() == null ? legalBasis : l.legalBasis()).toArray()),
                    prev, prev, eff, eff);
            return new ChangeReport(opened, closed, linked);
        }));
        if (report.opened() + report.closed() + report.linked() > 0) {
            directory.refresh();
            log.info("Territory changes effective {} ({}): {}", effective, legalBasis, report);
        }
        return report;
    }

    private static void validate(UnitChanges changes, List<UnitChanges.Open> opens, UnitIndex index,
                                 LocalDate effective, LocalDate before) {
        Set<String> closing = new HashSet<>(changes.closes());
        Set<String> opening = new HashSet<>();
        for (UnitChanges.Open o : opens) {
            if (!opening.add(o.code())) {
                throw ApiException.unprocessable("territory.changes.duplicateOpen", o.code());
            }
        }
        for (String code : changes.closes()) {
            AdministrativeUnit u = index.at(code, before);
            if (u == null) {
                throw ApiException.unprocessable("territory.changes.noUnit", code, before);
            }
        }
        for (UnitChanges.Open o : opens) {
            AdministrativeUnit existing = index.at(o.code(), effective);
            boolean sameAsExisting = existing != null && existing.validFrom().equals(effective);
            if (existing != null && !sameAsExisting && !closing.contains(o.code())) {
                throw ApiException.unprocessable("territory.changes.codeInUse", o.code(), effective);
            }
            if (o.parentCode() != null && !validOnEffective(o.parentCode(), index, effective, closing, opening)) {
                throw ApiException.unprocessable("territory.changes.noUnit", o.parentCode(), effective);
            }
        }
        for (UnitChanges.Link l : changes.links()) {
            if (index.at(l.predecessorCode(), before) == null) {
                throw ApiException.unprocessable("territory.changes.noUnit", l.predecessorCode(), before);
            }
            if (!validOnEffective(l.successorCode(), index, effective, closing, opening)) {
                throw ApiException.unprocessable("territory.changes.noUnit", l.successorCode(), effective);
            }
        }
    }

    private static boolean validOnEffective(String code, UnitIndex index, LocalDate effective, Set<String> closing,
                                            Set<String> opening) {
        if (opening.contains(code)) {
            return true;
        }
        AdministrativeUnit u = index.at(code, effective);
        return u != null && (u.validFrom().equals(effective) || !closing.contains(code));
    }

    /** Opens grouped by depth inside the change, so a parent opened in the same change is inserted first. */
    private static List<List<UnitChanges.Open>> byDepth(List<UnitChanges.Open> opens) {
        Map<String, UnitChanges.Open> byCode = new HashMap<>();
        for (UnitChanges.Open o : opens) {
            byCode.put(o.code(), o);
        }
        java.util.TreeMap<Integer, List<UnitChanges.Open>> levels = new java.util.TreeMap<>();
        for (UnitChanges.Open o : opens) {
            int d = 0;
            Set<String> seen = new HashSet<>();
            for (UnitChanges.Open p = o; p.parentCode() != null && byCode.containsKey(p.parentCode()) && seen.add(p.code()); ) {
                p = byCode.get(p.parentCode());
                d++;
            }
            levels.computeIfAbsent(d, k -> new ArrayList<>()).add(o);
        }
        return new ArrayList<>(levels.values());
    }

    private static int update(java.sql.Connection c, String sql, Object... args) throws java.sql.SQLException {
        try (java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
            for (int k = 0; k < args.length; k++) {
                ps.setObject(k + 1, args[k]);
            }
            return ps.executeUpdate();
        }
    }
}
