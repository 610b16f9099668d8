package vn.motcua.territory.web;

import vn.motcua.platform.time.VietnamTime;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.platform.api.ApiException;
import vn.motcua.territory.AddressLookup;
import vn.motcua.territory.AdministrativeUnit;
import vn.motcua.territory.Agency;
import vn.motcua.territory.internal.UnitDirectory;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Territory", description = "Administrative units, agencies and lineage, as of a date (public)")
class UnitApiController {

    private final UnitDirectory units;
    private final AddressLookup addresses;
    private final java.time.Clock clock;

    UnitApiController(UnitDirectory units, AddressLookup addresses, java.time.Clock clock) {
        this.clock = clock;
        this.units = units;
        this.addresses = addresses;
    }

    record UnitView(String code, String name, String fullName, String type, String parentCode, LocalDate validFrom,
                    LocalDate validTo) {
        static UnitView of(AdministrativeUnit u) {
            return new UnitView(u.code(), u.fullName(), u.fullName(), u.type().name(), u.parentCode(), u.validFrom(), u.validTo());
        }
    }

    record LinkView(String code, String name, String share, LocalDate effective, String kind, String legalBasis,
                    LocalDate validFrom, LocalDate validTo) {
    }

    record AgencyView(String code, String name, String level, String kind, String sector, String unitCode,
                      LocalDate validFrom, LocalDate validTo) {
        static AgencyView of(Agency a) {
            return new AgencyView(a.code(), a.name(), a.level().name(), a.kind().name(), a.sector(), a.unitCode(),
                    a.validFrom(), a.validTo());
        }
    }

    record CandidateView(String code, String name, String share, String fromCode, String fromName, boolean underReview) {
    }

    record ResolutionView(String outcome, boolean ambiguous, boolean underReview, List<UnitView> matches,
                          List<CandidateView> candidates) {
    }

    @GetMapping("/units/{code}")
    @Operation(summary = "The unit carrying this GSO code on a date", description = "404 when no unit had the code on that date.")
    UnitView unit(@PathVariable String code, @Parameter(description = "Date (default today)")
    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        LocalDate d = asOf == null ? today() : asOf;
        return UnitView.of(units.unit(code, d).orElseThrow(() -> ApiException.notFound("territory.unit.notFound", code, d)));
    }

    @GetMapping("/units")
    @Operation(summary = "Units valid on a date under a parent (provinces when no parent)")
    List<UnitView> children(@RequestParam(required = false) String parent,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        LocalDate d = asOf == null ? today() : asOf;
        if (parent == null || parent.isBlank()) {
            return units.provinces(d).stream().map(UnitView::of).toList();
        }
        if (units.unit(parent, d).isEmpty()) {
            throw ApiException.notFound("territory.unit.notFound", parent, d);
        }
        return units.children(parent, d).stream().map(UnitView::of).toList();
    }

    @GetMapping("/units/{code}/successors")
    @Operation(summary = "Successors of the unit valid on asOf with that code, through every later reorganisation",
            description = "share is FULL only if the whole unit went to the successor along every link.")
    List<LinkView> successors(@PathVariable String code,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        LocalDate d = asOf == null ? today() : asOf;
        AdministrativeUnit u = units.unit(code, d).orElseThrow(() -> ApiException.notFound("territory.unit.notFound", code, d));
        return units.successorsOf(u).stream().map(s -> new LinkView(s.unit().code(), s.unit().fullName(), s.share().name(),
                s.effective(), s.kind().name(), s.legalBasis(), s.unit().validFrom(), s.unit().validTo())).toList();
    }

    @GetMapping("/units/{code}/predecessors")
    @Operation(summary = "Predecessors of the unit valid on asOf with that code, through every earlier reorganisation")
    List<LinkView> predecessors(@PathVariable String code,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        LocalDate d = asOf == null ? today() : asOf;
        AdministrativeUnit u = units.unit(code, d).orElseThrow(() -> ApiException.notFound("territory.unit.notFound", code, d));
        return units.predecessorsOf(u).stream().map(s -> new LinkView(s.unit().code(), s.unit().fullName(), s.share().name(),
                s.effective(), s.kind().name(), s.legalBasis(), s.unit().validFrom(), s.unit().validTo())).toList();
    }

    @GetMapping("/units/{code}/agencies")
    @Operation(summary = "Agencies serving the unit on a date")
    List<AgencyView> agencies(@PathVariable String code,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        LocalDate d = asOf == null ? today() : asOf;
        if (units.unit(code, d).isEmpty()) {
            throw ApiException.notFound("territory.unit.notFound", code, d);
        }
        return units.agencies(code, d).stream().map(AgencyView::of).toList();
    }

    @GetMapping("/agencies/{code}")
    @Operation(summary = "The agency carrying this code on a date")
    AgencyView agency(@PathVariable String code,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        LocalDate d = asOf == null ? today() : asOf;
        return AgencyView.of(units.agency(code, d).orElseThrow(() -> ApiException.notFound("territory.agency.notFound", code, d)));
    }

    @GetMapping("/address-lookup")
    @Operation(summary = "Old address (commune, district, province before a reorganisation) → unit(s) competent now",
            description = "outcome RESOLVED, SPLIT (old ward split: the street address decides), AMBIGUOUS_NAME (give the district) or NOT_FOUND; "
                    + "underReview (and then ambiguous) when the old unit's lineage has a link flagged for review and not yet corrected.")
    ResolutionView lookup(@RequestParam String commune, @RequestParam(required = false) String district,
                          @RequestParam(required = false) String province,
                          @Parameter(description = "Date the old address was valid (default 2025-06-30)")
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate oldDate,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        if (commune.isBlank()) {
            throw ApiException.badRequest("territory.lookup.communeRequired");
        }
        AddressLookup.AddressResolution r = addresses.resolve(commune, district, province,
                oldDate == null ? LocalDate.of(2025, 6, 30) : oldDate, asOf == null ? today() : asOf);
        return new ResolutionView(r.outcome().name(), r.ambiguous(), r.underReview(),
                r.matches().stream().map(UnitView::of).toList(),
                r.candidates().stream().map(c -> new CandidateView(c.unit().code(), c.unit().fullName(), c.share().name(),
                        c.from().code(), c.from().fullName(), c.underReview())).toList());
    }

    /** Today in Vietnam, from the injected clock. */
    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), VietnamTime.ZONE);
    }
}
