package vn.motcua.dossier;

import java.util.Set;
import java.util.UUID;

import org.springframework.security.core.Authentication;

/**
 * How an officer reaches a document of a citizen's data store: only through a dossier where it was submitted or reused.
 * The dossier's access rules decide (404 for an unknown dossier, 403 for an officer of another agency), and the read is
 * written to the privacy module's access log (as ATTACHMENT, with the request's path pattern as its purpose) like any
 * other file of the dossier.
 */
public interface DossierStoreDocuments {

    /** The data-store document ids attached to the dossier (reused or digitised), once {@code auth} may see it. */
    Set<UUID> storeDocumentsOf(UUID dossierId, Authentication auth);

    /**
     * Attaches a copy of a store document (a scan digitised at the counter) to the dossier, its store id recorded as
     * for a reused document, once {@code auth} may see the dossier.
     */
    void attach(UUID dossierId, UUID storeDocumentId, String fileName, String contentType, byte[] content,
                Authentication auth);
}
