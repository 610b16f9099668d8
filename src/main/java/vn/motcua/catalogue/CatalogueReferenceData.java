package vn.motcua.catalogue;

/**
 * Loads the national procedure catalogue shipped with the application (idempotent, cheap when already
 * done). Other modules' demo data and tests call it before relying on procedures.
 */
public interface CatalogueReferenceData {

    void ensureLoaded();
}
