package vn.motcua.territory.web;

import vn.motcua.platform.time.VietnamTime;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.platform.api.ApiException;
import vn.motcua.platform.text.VietnameseText;
import vn.motcua.territory.AdministrativeUnit;
import vn.motcua.territory.HealthFacilities;
import vn.motcua.territory.Places;
import vn.motcua.territory.Territory;

@RestController
@RequestMapping("/api/v1/places")
@Tag(name = "Territory", description = "Administrative units, agencies and lineage, as of a date (public)")
class PlaceApiController {

    static final int MAX_QUERY = 100;
    private final Places places;
    private final HealthFacilities facilities;
    private final Territory territory;
    private final java.time.Clock clock;

    PlaceApiController(Places places, HealthFacilities facilities, Territory territory, java.time.Clock clock) {
        this.clock = clock;
        this.places = places;
        this.facilities = facilities;
        this.territory = territory;
    }

    record Ref(String code, String fullName) {
        static Ref of(AdministrativeUnit u) {
            return u == null ? null : new Ref(u.code(), u.fullName());
        }
    }

    /** @param ward for a health facility ({@code type} HEALTH_FACILITY): the ward it stands in; null for a unit */
    record PlaceView(String code, String fullName, String type, Ref province, boolean current, List<Ref> successors,
                     Ref ward) {
        static PlaceView of(Places.Place p) {
            return new PlaceView(p.unit().code(), p.unit().fullName(), p.unit().type().name(), Ref.of(p.province()),
                    p.current(), p.successors().stream().map(Ref::of).toList(), null);
        }
    }

    private java.util.Optional<PlaceView> facility(HealthFacilities.Facility f, LocalDate day) {
        return territory.unit(f.ward(), day).map(ward -> new PlaceView(f.id(), f.name(), "HEALTH_FACILITY",
                territory.province(ward.code(), day).map(Ref::of).orElse(null), true, List.of(), Ref.of(ward)));
    }

    private boolean inProvince(Places.Place p, String province, LocalDate day) {
        if (p.current()) {
            return p.province() != null && province.equals(p.province().code());
        }
        return p.successors().stream().anyMatch(s -> territory.province(s.code(), day)
                .map(u -> province.equals(u.code())).orElse(false));
    }

    @GetMapping
    @Operation(summary = "Places by name, best match first, with or without diacritics",
            description = "Commune- and province-level units whose name matches q on asOf (default today). A name "
                    + "abolished by a reorganisation (e.g. \"Bến Nghé\" before 2025-07-01) answers with current=false "
                    + "and the units that took over its territory (successors). level: COMMUNE, PROVINCE or ANY "
                    + "(default). 400 when q has fewer than two letters or digits or more than 100 characters.")
    List<PlaceView> search(@Parameter(description = "What the person typed, e.g. \"tan dinh\"") @RequestParam String q,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                           @RequestParam(defaultValue = "ANY") Places.Level level,
                           @Parameter(description = "1–50, default 10") @RequestParam(defaultValue = "10") int limit,
                           @Parameter(description = "Also health facilities (type HEALTH_FACILITY, code: the "
                                   + "facility's id, ward: where it stands), first; for birthplace fields")
                           @RequestParam(defaultValue = "false") boolean facilities,
                           @Parameter(description = "Only places in this province-level unit (its 2-digit code), e.g. "
                                   + "79; an old name counts when one of its successors is there")
                           @RequestParam(required = false) String province) {
        if (q.length() > MAX_QUERY || VietnameseText.fold(q).replace(" ", "").length() < 2) {
            throw ApiException.badRequest("territory.places.query", MAX_QUERY);
        }
        if (limit < 1 || limit > 50) {
            throw ApiException.badRequest("territory.places.limit");
        }
        if (province != null && !province.isBlank() && !province.strip().matches("\\d{2}")) {
            throw ApiException.badRequest("territory.places.province");
        }
        LocalDate day = asOf == null ? today() : asOf;
        String in = province == null || province.isBlank() ? null : province.strip();
        // Narrowed to a province: ask for more and keep those there, best first still.
        int ask = in == null ? limit : 50;
        List<PlaceView> out = new java.util.ArrayList<>();
        if (facilities) {
            this.facilities.search(q, ask).forEach(f -> facility(f, day)
                    .filter(v -> in == null || v.province() != null && in.equals(v.province().code()))
                    .ifPresent(out::add));
        }
        places.search(q, day, level, ask).stream().filter(p -> in == null || inProvince(p, in, day))
                .map(PlaceView::of).forEach(out::add);
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }

    /** Today in Vietnam, from the injected clock. */
    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), VietnamTime.ZONE);
    }
}
