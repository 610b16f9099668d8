package vn.motcua.dossier.web;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierStoreDocuments;
import vn.motcua.dossier.internal.DossierStore;

/** {@link DossierStoreDocuments} through {@link DossierAccess#visible}: the same rules, the same access log. */
@Component
class StoreDocumentReads implements DossierStoreDocuments {

    private final DossierAccess access;
    private final DossierStore store;

    StoreDocumentReads(DossierAccess access, DossierStore store) {
        this.access = access;
        this.store = store;
    }

    @Override
    public Set<UUID> storeDocumentsOf(UUID dossierId, Authentication auth) {
        Dossier d = access.visible(dossierId, auth);
        return store.attachments(d.id()).stream().map(DossierStore.AttachmentInfo::reusedFrom).filter(Objects::nonNull)
                .collect(Collectors.toSet());
    }
}
