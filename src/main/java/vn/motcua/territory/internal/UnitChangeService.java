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
    private static final int BATCH = 2000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final UnitDirectory directory;

    public UnitChangeService(JdbcTemplate jdbc, TransactionTemplate tx, UnitDirectory directory) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.directory = directory;
    }

    @Override
    public ChangeReport apply(UnitChanges changes, LocalDate effective, String legalBasis) {
        if (effective == null || legalBasis == null || legalBasis.isBlank()) {
            throw ApiException.badRequest("territory.changes.missing");
        }
        UnitIndex index = directory.index();
        LocalDate before = effective.minusDays(1);
        List<UnitChanges.Open> opens = parentsFirst(changes.opens());
        validate(changes, opens, index, effective, before);

        ChangeReport report = tx.execute(status -> {
            int closed = sum(batch("""
                    update territory_unit set valid_to = ? where code = ? and valid_from < ? and valid_to is null
                    """, changes.closes(), code -> new Object[]{effective, code, effective}));
            // No agency outlives its unit.
            batch("""
                    update territory_agency a set valid_to = ? from territory_unit u
                    where a.unit_id = u.id and u.code = ? and u.valid_to = ? and (a.valid_to is null or a.valid_to > ?)
                    """, changes.closes(), code -> new Object[]{effective, code, effective, effective});
            int opened = sum(batch("""
                    insert into territory_unit (id, code, name, full_name, type, parent_id, valid_from, name_folded)
                    values (?, ?, ?, ?, ?, (select p.id from territory_unit p where p.code = ? and p.valid_from <= ?
                                                and (p.valid_to is null or p.valid_to > ?)), ?, ?)
                    on conflict (code, valid_from) do nothing
                    """, opens, o -> new Object[]{UUID.randomUUID(), o.code(), o.name(), o.fullName(), o.type().name(),
                    o.parentCode(), effective, effective, effective, VietnameseText.fold(o.fullName())}));
            int linked = sum(batch("""
                    insert into territory_lineage (id, predecessor_id, successor_id, kind, share, effective, legal_basis)
                    select ?, p.id, s.id, ?, ?, ?, ?
                    from territory_unit p, territory_unit s
                    where p.code = ? and p.valid_from <= ? and (p.valid_to is null or p.valid_to > ?)
                      and s.code = ? and s.valid_from <= ? and (s.valid_to is null or s.valid_to > ?)
                    on conflict (predecessor_id, successor_id) do nothing
                    """, changes.links(), l -> new Object[]{UUID.randomUUID(), l.kind().name(), l.share().name(), effective,
                    l.legalBasis() == null ? legalBasis : l.legalBasis(),
                    l.predecessorCode(), before, before, l.successorCode(), effective, effective}));
            return new ChangeReport(opened, closed, linked);
        });
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

    /** Opens ordered so that a parent opened in the same change comes before its children. */
    private static List<UnitChanges.Open> parentsFirst(List<UnitChanges.Open> opens) {
        Map<String, UnitChanges.Open> byCode = new HashMap<>();
        for (UnitChanges.Open o : opens) {
            byCode.put(o.code(), o);
        }
        Map<String, Integer> depth = new HashMap<>();
        for (UnitChanges.Open o : opens) {
            int d = 0;
            Set<String> seen = new HashSet<>();
            for (UnitChanges.Open p = o; p.parentCode() != null && byCode.containsKey(p.parentCode()) && seen.add(p.code()); ) {
                p = byCode.get(p.parentCode());
                d++;
            }
            depth.put(o.code(), d);
        }
        List<UnitChanges.Open> sorted = new ArrayList<>(opens);
        sorted.sort(java.util.Comparator.comparingInt(o -> depth.get(o.code())));
        return sorted;
    }

    private <T> int[][] batch(String sql, List<T> items, java.util.function.Function<T, Object[]> args) {
        if (items.isEmpty()) {
            return new int[0][];
        }
        return jdbc.batchUpdate(sql, items, BATCH, (ps, item) -> {
            Object[] a = args.apply(item);
            for (int k = 0; k < a.length; k++) {
                ps.setObject(k + 1, a[k]);
            }
        });
    }

    private static int sum(int[][] counts) {
        int total = 0;
        for (int[] chunk : counts) {
            for (int c : chunk) {
                total += Math.max(c, 0);
            }
        }
        return total;
    }
}
