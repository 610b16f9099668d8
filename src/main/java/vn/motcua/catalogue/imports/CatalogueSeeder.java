package vn.motcua.catalogue.imports;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.motcua.platform.MotcuaProperties;

/** Imports the catalogue at start when {@code motcua.seed-on-start} is on (idempotent, fast when done). */
@Component
class CatalogueSeeder {

    private final MotcuaProperties properties;
    private final CatalogueImporter importer;

    CatalogueSeeder(MotcuaProperties properties, CatalogueImporter importer) {
        this.properties = properties;
        this.importer = importer;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        if (properties.seedOnStart()) {
            importer.importAll();
        }
    }
}
