package vn.motcua.reorg.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;
import vn.motcua.dossier.CustodyLedger;
import vn.motcua.territory.Agency;
import vn.motcua.territory.TerritoryAgencies;

/** Which open dossiers a plan's closing agencies hold: the two times of {@link CustodyLedger.Scope}. */
@Component
class HoldingScopes {

    private final TerritoryAgencies agencies;

    HoldingScopes(TerritoryAgencies agencies) {
        this.agencies = agencies;
    }

    /**
     * Which open dossiers the closing agencies hold (see {@link CustodyLedger.Scope}). {@code until}: when the unit
     * changes were applied (null before: everything received so far); {@code knownBefore}: agency versions recorded
     * before it that reuse a closing code are continuing agencies (null: every version recorded so far).
     */
    CustodyLedger.Scope scope(CompiledPlan plan, java.util.Collection<Agency> closing, Instant until, Instant knownBefore) {
        Set<UUID> closingIds = new HashSet<>();
        Set<String> codes = new java.util.LinkedHashSet<>();
        closing.forEach(a -> {
            closingIds.add(a.id());
            codes.add(a.code());
        });
        List<CustodyLedger.Continuing> continuing = new ArrayList<>();
        for (TerritoryAgencies.AgencyVersion v : agencies.versions(codes)) {
            if (!closingIds.contains(v.id()) && (knownBefore == null || v.recordedAt().isBefore(knownBefore))) {
                continuing.add(new CustodyLedger.Continuing(v.code(), v.validFrom().atStartOfDay(PlanCompiler.VN).toInstant(),
                        v.validTo() == null ? null : v.validTo().atStartOfDay(PlanCompiler.VN).toInstant()));
            }
        }
        return new CustodyLedger.Scope(codes, plan.effective(), until, continuing);
    }

    /** The scope of a plan not executed yet: everything received so far, every agency version known. */
    CustodyLedger.Scope scope(CompiledPlan plan, Router router) {
        return scope(plan, router.closingAgencies().values(), null, null);
    }
}
