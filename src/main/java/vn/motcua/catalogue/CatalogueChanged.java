package vn.motcua.catalogue;

import java.util.List;

/**
 * Published when the catalogue's published content changed: a version was published, or an import wrote procedures.
 * Listeners that keep a copy (the assistant's index) rebuild it; they should do so once the publishing transaction has
 * ended (the event may be raised inside it).
 *
 * @param codes the procedures concerned; empty when the whole catalogue may have changed (an import)
 */
public record CatalogueChanged(List<String> codes) {
}
