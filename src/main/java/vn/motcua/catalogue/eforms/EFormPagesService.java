package vn.motcua.catalogue.eforms;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import vn.motcua.catalogue.EFormPages;
import vn.motcua.catalogue.FieldError;
import vn.motcua.catalogue.ProcedureVersion;
import vn.motcua.catalogue.internal.CatalogueService;

@Service
class EFormPagesService implements EFormPages {

    private final CatalogueService catalogue;
    private final EFormService eforms;

    private final AddressNames names;

    EFormPagesService(CatalogueService catalogue, EFormService eforms, AddressNames names) {
        this.catalogue = catalogue;
        this.eforms = eforms;
        this.names = names;
    }

    @Override
    public PlaceNames placeNames(String procedureCode, LocalDate asOf, Map<String, String> params,
                                 Map<String, Integer> counts) {
        AddressNames.Result r = names.resolve(eforms.schema(catalogue.requireInForce(procedureCode, asOf)), params,
                counts, asOf);
        return new PlaceNames(r.params(), r.choices(), r.errors());
    }

    @Override
    public Page page(String procedureCode, LocalDate asOf, Map<String, String> values, List<FieldError> errors,
                     Map<String, Integer> counts) {
        ProcedureVersion v = catalogue.requireInForce(procedureCode, asOf);
        JsonNode schema = eforms.schema(v);
        return new Page(v.code(), v.name(), schema.path("title").asString(v.name()),
                FormRenderer.rows(schema, values, errors, counts));
    }

    @Override
    public List<ReadRow> read(String procedureCode, LocalDate asOf, Map<String, Object> data) {
        var v = catalogue.versionInForce(procedureCode, asOf);
        if (v.isEmpty()) {
            return List.of();
        }
        return FormReader.rows(eforms.schema(v.get()), data == null ? Map.of() : data);
    }

    @Override
    public Map<String, Object> data(Map<String, String> params, Map<String, Integer> counts) {
        return FormRenderer.nest(params, counts);
    }
}
