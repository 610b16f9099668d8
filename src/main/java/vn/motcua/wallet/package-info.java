/**
 * The citizen's data store (kho dữ liệu cá nhân): documents uploaded by the citizen or issued by Motcua as the results
 * of their dossiers, reused in new submissions instead of uploads (Decree 45/2020: do not ask for what the
 * administration already holds), and the public verification of results. Sits beside {@code dossier}: it implements
 * {@link vn.motcua.dossier.spi.ReusableDocuments} and {@link vn.motcua.dossier.spi.ResultStore} (a returned result,
 * {@link vn.motcua.dossier.ResultReturned}, handed over after the return commits); the dossier module does not depend
 * on it.
 */
package vn.motcua.wallet;
