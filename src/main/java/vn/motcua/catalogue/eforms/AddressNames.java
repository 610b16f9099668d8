package vn.motcua.catalogue.eforms;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import vn.motcua.catalogue.FieldError;
import vn.motcua.territory.AdministrativeUnit;
import vn.motcua.territory.HealthFacilities;
import vn.motcua.territory.Places;
import vn.motcua.territory.Territory;

/**
 * The no-JavaScript side of the place picker: an address field posted with a typed name ("tan dinh", "Bệnh viện Từ
 * Dũ") instead of a unit code is resolved here before the form is checked. One place → its code is taken (for a
 * health facility, the ward it stands in, and its name into the field's "…Detail" box when empty); several → the
 * field asks which (radio buttons with the choices, {@link Result#choices}); none → a message on the field. Old names
 * are offered as the units that now carry them.
 */
@Component
public class AddressNames {

    /** One place a typed name may mean: the code to post, what to show, the facility's name for a hospital. */
    public record Choice(String code, String label, String facility) {
    }

    /** The parameters with names replaced by codes, the fields still in doubt (path → choices) and their errors. */
    public record Result(Map<String, String> params, Map<String, List<Choice>> choices, List<FieldError> errors) {
    }

    static final int MAX_CHOICES = 8;
    private final ObjectProvider<Places> places;
    private final ObjectProvider<HealthFacilities> facilities;
    private final ObjectProvider<Territory> territory;
    private final MessageSource messages;

    AddressNames(ObjectProvider<Places> places, ObjectProvider<HealthFacilities> facilities,
                 ObjectProvider<Territory> territory, MessageSource messages) {
        this.places = places;
        this.facilities = facilities;
        this.territory = territory;
        this.messages = messages;
    }

    public Result resolve(JsonNode schema, Map<String, String> params, Map<String, Integer> counts, LocalDate day) {
        Map<String, String> out = new LinkedHashMap<>(params);
        Map<String, List<Choice>> doubt = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        Places p = places.getIfAvailable();
        if (p == null) {
            return new Result(out, doubt, errors);
        }
        for (FormRenderer.Row r : FormRenderer.rows(schema, params, List.of(), counts)) {
            String typed = r.kind() == FormRenderer.Kind.FIELD && "address".equals(r.type()) ? params.get(r.path()) : null;
            if (typed == null || typed.isBlank() || AdministrativeUnit.isCode(typed.strip()) || typed.length() > 100) {
                continue;
            }
            List<Choice> found = choices(p, typed.strip(), day, r.label().contains("cơ sở y tế"));
            if (found.size() == 1) {
                Choice c = found.get(0);
                out.put(r.path(), c.code());
                String detail = r.path() + "Detail";
                if (c.facility() != null && out.getOrDefault(detail, "").isBlank()) {
                    out.put(detail, c.facility());
                }
            } else if (found.isEmpty()) {
                errors.add(error(r.path(), "eform.error.addressNone", r.label(), typed.strip()));
            } else {
                doubt.put(r.path(), found);
                errors.add(error(r.path(), "eform.error.addressChoose", r.label(), typed.strip()));
            }
        }
        return new Result(out, doubt, errors);
    }

    private FieldError error(String path, String key, Object... args) {
        return new FieldError(path, key, messages.getMessage(key, args, key, LocaleContextHolder.getLocale()));
    }

    private List<Choice> choices(Places p, String typed, LocalDate day, boolean withFacilities) {
        List<Choice> out = new ArrayList<>();
        HealthFacilities hf = withFacilities ? facilities.getIfAvailable() : null;
        Territory t = territory.getIfAvailable();
        if (hf != null && t != null) {
            for (HealthFacilities.Facility f : hf.search(typed, MAX_CHOICES)) {
                t.unit(f.ward(), day).ifPresent(w -> out.add(new Choice(w.code(), f.name() + " — " + w.fullName(), f.name())));
            }
        }
        String old = messages.getMessage("place.picker.old", null, "cũ", LocaleContextHolder.getLocale());
        String now = messages.getMessage("place.picker.now", null, "nay là", LocaleContextHolder.getLocale());
        for (Places.Place x : p.search(typed, day, Places.Level.COMMUNE, MAX_CHOICES)) {
            String where = x.province() != null && !x.province().equals(x.unit()) ? ", " + x.province().fullName() : "";
            if (x.current()) {
                out.add(new Choice(x.unit().code(), x.unit().fullName() + where, null));
            } else {
                for (var s : x.successors()) {
                    out.add(new Choice(s.code(), x.unit().fullName() + " (" + old + ")" + where + " — " + now + " "
                            + s.fullName(), null));
                }
            }
        }
        // the same unit reached twice (a ward and an old name that became it): offered once; a facility stays apart
        List<Choice> distinct = new ArrayList<>();
        for (Choice c : out) {
            if (c.facility() != null || distinct.stream().noneMatch(d -> d.facility() == null && d.code().equals(c.code()))) {
                distinct.add(c);
            }
        }
        return distinct.size() > MAX_CHOICES ? distinct.subList(0, MAX_CHOICES) : distinct;
    }
}
