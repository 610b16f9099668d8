package vn.motcua.territory.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.motcua.territory.LineageKind;
import vn.motcua.territory.Share;

/** SQL of lineage links, review flags and lineage corrections (tables of V10_1 and V10_3). */
@Repository
public class LineageStore {

    private final JdbcClient jdbc;

    public LineageStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every link as stored (imported or applied), whatever corrections say. */
    List<UnitIndex.Edge> storedEdges() {
        return jdbc.sql("select predecessor_id, successor_id, kind, share, effective, legal_basis from territory_lineage")
                .query((rs, n) -> new UnitIndex.Edge(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        LineageKind.valueOf(rs.getString(3)), Share.valueOf(rs.getString(4)),
                        rs.getObject(5, LocalDate.class), rs.getString(6)))
                .list();
    }

    // ---- flags ----

    public record FlagRow(UUID predecessor, UUID successor, String kind, Share share, UUID other, LocalDate effective) {
    }

    int insertFlags(List<FlagRow> flags) {
        int n = 0;
        for (FlagRow f : flags) {
            n += jdbc.sql("""
                    insert into territory_lineage_flag (id, predecessor_id, successor_id, kind, share, other_id, effective)
                    values (gen_random_uuid(), :p, :s, :k, :sh, :o, :e)
                    on conflict (predecessor_id, successor_id, kind) do nothing
                    """).param("p", f.predecessor()).param("s", f.successor()).param("k", f.kind()).param("sh", f.share().name())
                    .param("o", f.other()).param("e", f.effective()).update();
        }
        return n;
    }

    List<FlagRow> flags() {
        return jdbc.sql("select predecessor_id, successor_id, kind, share, other_id, effective from territory_lineage_flag")
                .query((rs, n) -> new FlagRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        Share.valueOf(rs.getString(4)), rs.getObject(5, UUID.class), rs.getObject(6, LocalDate.class)))
                .list();
    }

    // ---- corrections ----

    public record Target(UUID successor, Share share) {
    }

    public record CorrectionRow(UUID id, long seq, UUID predecessor, String reason, String legalBasis, String source,
                                String recordedBy, Instant recordedAt, String shippedKey, List<Target> targets) {
    }

    /** Inserts a correction; with a shipped key already present nothing is written and null is returned. */
    UUID insertCorrection(UUID predecessor, List<Target> targets, String reason, String legalBasis, String source,
                          String recordedBy, String shippedKey) {
        UUID id = UUID.randomUUID();
        int n = jdbc.sql("""
                insert into territory_lineage_correction (id, predecessor_id, reason, legal_basis, source, recorded_by, shipped_key)
                values (:id, :p, :r, :b, :s, :by, :k) on conflict (shipped_key) do nothing
                """).param("id", id).param("p", predecessor).param("r", reason).param("b", legalBasis)
                .param("s", source).param("by", recordedBy).param("k", shippedKey).update();
        if (n == 0) {
            return null;
        }
        for (Target t : targets) {
            jdbc.sql("insert into territory_lineage_correction_target (correction_id, successor_id, share) values (:c, :s, :sh)")
                    .param("c", id).param("s", t.successor()).param("sh", t.share().name()).update();
        }
        return id;
    }

    /** All corrections, oldest first, with their targets. */
    List<CorrectionRow> corrections() {
        Map<UUID, List<Target>> targets = new LinkedHashMap<>();
        jdbc.sql("select correction_id, successor_id, share from territory_lineage_correction_target order by share, successor_id")
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class),
                        new Target(rs.getObject(2, UUID.class), Share.valueOf(rs.getString(3)))))
                .list().forEach(e -> targets.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return jdbc.sql("""
                        select id, seq, predecessor_id, reason, legal_basis, source, recorded_by, recorded_at, shipped_key
                        from territory_lineage_correction order by seq
                        """)
                .query((rs, n) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    return new CorrectionRow(id, rs.getLong(2), rs.getObject(3, UUID.class), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getObject(8, OffsetDateTime.class).toInstant(), rs.getString(9),
                            List.copyOf(targets.getOrDefault(id, List.of())));
                })
                .list();
    }

    /** The latest correction of each corrected old unit version, by predecessor id. */
    Map<UUID, CorrectionRow> latestCorrections() {
        Map<UUID, CorrectionRow> latest = new LinkedHashMap<>();
        for (CorrectionRow c : corrections()) {
            latest.put(c.predecessor(), c);   // ordered by seq: a later one replaces an earlier one
        }
        return latest;
    }
}
