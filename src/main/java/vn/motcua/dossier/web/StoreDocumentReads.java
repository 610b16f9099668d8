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
    private final java.time.Clock clock;

    StoreDocumentReads(DossierAccess access, DossierStore store, java.time.Clock clock) {
        this.access = access;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void attach(UUID dossierId, UUID storeDocumentId, String fileName, String contentType, byte[] content,
                       Authentication auth) {
        Dossier d = access.visible(dossierId, auth);
        store.addAttachment(d.id(), fileName, contentType, content, auth.getName(),
                clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS), storeDocumentId);
    }

    @Override
    public Set<UUID> storeDocumentsOf(UUID dossierId, Authentication auth) {
        Dossier d = access.visible(dossierId, auth);
        return store.attachments(d.id()).stream().map(DossierStore.AttachmentInfo::reusedFrom).filter(Objects::nonNull)
                .collect(Collectors.toSet());
    }
}
