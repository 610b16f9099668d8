/**
 * The procedure catalogue: procedures (national code {@code d.dddddd}), their time-bounded versions
 * (documents, processing time, fees, online level, e-form, internal process, pause rule), the
 * import of the national catalogue data, search, the public portal pages and e-form validation.
 * Public API: {@link vn.motcua.catalogue.Catalogue} and {@link vn.motcua.catalogue.EForms}.
 */
package vn.motcua.catalogue;
