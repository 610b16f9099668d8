package vn.motcua.territory.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.platform.api.ApiException;
import vn.motcua.territory.AdministrativeUnit;
import vn.motcua.territory.Share;

/**
 * Review of suspicious lineage links (flagged at import by {@link LineageChecks}) and lineage corrections: an
 * administrator states which units an old unit really went to; the correction is a new row, the imported links stay
 * as they were, and every reading (successors, old-address look-up, routing of old codes) follows the latest
 * correction as soon as it is recorded.
 */
@Service
public class LineageReview {

    private static final Logger log = LoggerFactory.getLogger(LineageReview.class);
    /** Corrections shipped as data (sources in SOURCES.md beside it); applied once, idempotently, at import. */
    public static final String SHIPPED = "data/territory/lineage-corrections-2025.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LineageStore store;
    private final UnitDirectory directory;
    private final StaffCache staffCache;
    private final TransactionTemplate tx;
    private final MessageSource messages;

    public LineageReview(LineageStore store, UnitDirectory directory, StaffCache staffCache, TransactionTemplate tx,
                         MessageSource messages) {
        this.store = store;
        this.directory = directory;
        this.staffCache = staffCache;
        this.tx = tx;
        this.messages = messages;
    }

    // ---- flags ----

    /** Checks the links stored at that effective date and records the suspicious ones (idempotent). */
    public int flagLinks(LocalDate effective) {
        List<LineageStore.FlagRow> flags = LineageChecks.check(directory.asStored(), effective);
        Integer created = tx.execute(s -> store.insertFlags(flags));
        log.info("Territory lineage review: {} suspicious links at {} ({} new)", flags.size(), effective, created);
        return created == null ? 0 : created;
    }

    public record UnitRef(String code, String name) {
        static UnitRef of(AdministrativeUnit u) {
            return u == null ? null : new UnitRef(u.code(), u.fullName());
        }
    }

    public record TargetView(String code, String name, String share) {
    }

    /**
     * @param currentSuccessors what the lineage says now (after corrections) for the old unit
     * @param correctionId      the latest correction of the old unit, null while none was recorded
     */
    public record FlagView(String kind, String oldCode, String oldName, String oldDistrict, String oldProvince,
                           String newCode, String newName, String newProvince, String share, LocalDate effective,
                           String explanation, boolean corrected, UUID correctionId, List<TargetView> currentSuccessors) {
    }

    /** The flags, by old province, old unit and kind; explanations in the caller's language. */
    public List<FlagView> flags() {
        UnitIndex i = directory.index();
        Map<UUID, LineageStore.CorrectionRow> latest = store.latestCorrections();
        List<FlagView> views = new ArrayList<>();
        for (LineageStore.FlagRow f : store.flags()) {
            AdministrativeUnit old = i.byId(f.predecessor());
            AdministrativeUnit neu = i.byId(f.successor());
            AdministrativeUnit other = f.other() == null ? null : i.byId(f.other());
            LocalDate before = f.effective().minusDays(1);
            AdministrativeUnit district = i.parent(old, before);
            AdministrativeUnit oldProvince = LineageChecks.province(i, old, before);
            AdministrativeUnit newProvince = LineageChecks.province(i, neu, f.effective());
            AdministrativeUnit otherParent = other == null ? null : i.parent(other, f.effective().minusDays(1));
            String explanation = messages.getMessage("territory.review." + f.kind(), new Object[]{
                    old.fullName(), name(district), name(oldProvince), neu.fullName(), name(newProvince),
                    name(other), name(otherParent), other == null ? "" : other.code()}, LocaleContextHolder.getLocale());
            LineageStore.CorrectionRow c = latest.get(old.id());
            views.add(new FlagView(f.kind(), old.code(), old.fullName(), name(district), name(oldProvince), neu.code(),
                    neu.fullName(), name(newProvince), f.share().name(), f.effective(), explanation, c != null,
                    c == null ? null : c.id(), successorsNow(i, old)));
        }
        views.sort(Comparator.comparing(FlagView::oldProvince, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(FlagView::oldCode).thenComparing(FlagView::kind).thenComparing(FlagView::newCode));
        return views;
    }

    private static List<TargetView> successorsNow(UnitIndex i, AdministrativeUnit old) {
        return i.successorEdges(old.id()).stream().map(e -> {
            AdministrativeUnit s = i.byId(e.successor());
            return new TargetView(s.code(), s.fullName(), e.share().name());
        }).sorted(Comparator.comparing(TargetView::code)).toList();
    }

    private static String name(AdministrativeUnit u) {
        return u == null ? "" : u.fullName();
    }

    // ---- corrections ----

    public record TargetRequest(String code, String share) {
    }

    /**
     * @param oldDate a date on which the old unit existed (default: the last closed unit carrying the code)
     * @param source  where the correct mapping is published (optional)
     */
    public record CorrectionRequest(String oldCode, LocalDate oldDate, List<TargetRequest> successors, String reason,
                                    String legalBasis, String source) {
    }

    public record CorrectionView(UUID id, long seq, String oldCode, String oldName, LocalDate effective,
                                 List<TargetView> successors, String reason, String legalBasis, String source,
                                 String recordedBy, Instant recordedAt, boolean shipped, boolean current) {
    }

    /** Records a correction (a new row, nothing edited) and makes every reading follow it at once. */
    public CorrectionView record(CorrectionRequest request, String recordedBy) {
        return record(request, recordedBy, null);
    }

    private CorrectionView record(CorrectionRequest r, String recordedBy, String shippedKey) {
        if (r == null || blank(r.oldCode()) || r.successors() == null || r.successors().isEmpty()
                || blank(r.reason()) || blank(r.legalBasis())) {
            throw ApiException.badRequest("territory.lineage.incomplete");
        }
        UnitIndex i = directory.index();
        AdministrativeUnit old = oldUnit(i, r.oldCode().trim(), r.oldDate());
        LocalDate effective = old.validTo();
        List<LineageStore.Target> targets = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (TargetRequest t : r.successors()) {
            if (t == null || blank(t.code()) || !("FULL".equals(t.share()) || "PARTIAL".equals(t.share()))) {
                throw ApiException.badRequest("territory.lineage.badTarget");
            }
            if (!seen.add(t.code().trim())) {
                throw ApiException.badRequest("territory.lineage.duplicateTarget", t.code());
            }
            AdministrativeUnit s = i.at(t.code().trim(), effective);
            if (s == null) {
                throw ApiException.unprocessable("territory.changes.noUnit", t.code(), effective);
            }
            targets.add(new LineageStore.Target(s.id(), Share.valueOf(t.share())));
        }
        if (targets.size() > 1 && targets.stream().anyMatch(t -> t.share() == Share.FULL)) {
            // FULL means the whole territory went there; it cannot also go elsewhere.
            throw ApiException.unprocessable("territory.lineage.fullAndShared");
        }
        UUID id = tx.execute(s -> store.insertCorrection(old.id(), targets, r.reason().trim(), r.legalBasis().trim(),
                blank(r.source()) ? null : r.source().trim(), recordedBy, shippedKey));
        if (id == null) {
            return null;   // a shipped correction already applied
        }
        changed();
        log.info("Lineage correction by {}: {} {} → {}", recordedBy, old.code(), old.fullName(), r.successors());
        return corrections().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    /** Lineage is read from the index; cached agency answers are cleared too, so nothing answers with the old links. */
    private void changed() {
        directory.refresh();
        staffCache.changed();
    }

    private static AdministrativeUnit oldUnit(UnitIndex i, String code, LocalDate oldDate) {
        AdministrativeUnit old;
        if (oldDate != null) {
            old = i.at(code, oldDate);
        } else {
            List<AdministrativeUnit> closed = i.versions(code).stream().filter(u -> u.validTo() != null).toList();
            old = closed.isEmpty() ? null : closed.get(closed.size() - 1);
        }
        if (old == null) {
            throw ApiException.unprocessable("territory.lineage.noOldUnit", code);
        }
        if (old.validTo() == null) {
            throw ApiException.unprocessable("territory.lineage.notClosed", code);
        }
        return old;
    }

    /** All corrections, newest first. */
    public List<CorrectionView> corrections() {
        UnitIndex i = directory.index();
        Map<UUID, LineageStore.CorrectionRow> latest = store.latestCorrections();
        List<CorrectionView> views = new ArrayList<>();
        for (LineageStore.CorrectionRow c : store.corrections()) {
            AdministrativeUnit old = i.byId(c.predecessor());
            views.add(new CorrectionView(c.id(), c.seq(), old.code(), old.fullName(), old.validTo(),
                    c.targets().stream().map(t -> {
                        AdministrativeUnit s = i.byId(t.successor());
                        return new TargetView(s.code(), s.fullName(), t.share().name());
                    }).sorted(Comparator.comparing(TargetView::code)).toList(), c.reason(), c.legalBasis(), c.source(), c.recordedBy(), c.recordedAt(),
                    c.shippedKey() != null, latest.get(c.predecessor()).id().equals(c.id())));
        }
        views.sort(Comparator.comparingLong(CorrectionView::seq).reversed());
        return views;
    }

    /**
     * Applies the corrections shipped in {@link #SHIPPED}; each once (by its key), so a second call writes nothing.
     * The names in the file are checked against the units, so a mistyped code fails loudly instead of correcting
     * the wrong unit.
     */
    public int applyShipped() {
        JsonNode root;
        try (InputStream in = new ClassPathResource(SHIPPED).getInputStream()) {
            root = JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + SHIPPED, e);
        }
        UnitIndex i = directory.index();
        int applied = 0;
        for (JsonNode c : root.get("corrections")) {
            String oldCode = c.get("oldCode").asString();
            LocalDate oldDate = LocalDate.parse(c.get("oldDate").asString());
            check(i.at(oldCode, oldDate), oldCode, c.get("oldName").asString());
            List<TargetRequest> targets = new ArrayList<>();
            AdministrativeUnit old = i.at(oldCode, oldDate);
            for (JsonNode t : c.get("successors")) {
                String code = t.get("code").asString();
                check(old.validTo() == null ? null : i.at(code, old.validTo()), code, t.get("name").asString());
                targets.add(new TargetRequest(code, t.get("share").asString()));
            }
            CorrectionRequest request = new CorrectionRequest(oldCode, oldDate, targets, c.get("reason").asString(),
                    c.get("legalBasis").asString(), c.get("source").asString());
            if (record(request, "import", c.get("key").asString()) != null) {
                applied++;
            }
        }
        return applied;
    }

    private static void check(AdministrativeUnit u, String code, String name) {
        if (u == null || !u.fullName().equals(name)) {
            throw new IllegalStateException(SHIPPED + ": unit " + code + " is " + (u == null ? "missing" : u.fullName())
                    + ", the file says " + name);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
