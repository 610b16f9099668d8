package vn.motcua.support;

import org.springframework.stereotype.Component;
import vn.motcua.catalogue.imports.CatalogueImporter;
import vn.motcua.territory.TerritoryReferenceData;

/**
 * Loads, idempotently, the reference data integration tests rely on: the real territory (units,
 * lineage, agencies, demo posts) and the real procedure catalogue. Cheap after the first call.
 */
@Component
public class ReferenceData {

    private final TerritoryReferenceData territory;
    private final CatalogueImporter catalogue;

    ReferenceData(TerritoryReferenceData territory, CatalogueImporter catalogue) {
        this.territory = territory;
        this.catalogue = catalogue;
    }

    public void ensureAll() {
        territory.ensureLoaded();
        territory.ensureDemoLoaded();
        catalogue.importAll();
    }
}
