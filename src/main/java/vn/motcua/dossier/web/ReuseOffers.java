package vn.motcua.dossier.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.motcua.catalogue.Catalogue;
import vn.motcua.catalogue.RequiredDocument;
import vn.motcua.dossier.spi.ReusableDocuments;
import vn.motcua.platform.text.VietnameseText;

/**
 * On the e-form, a "dùng lại" choice per required document the citizen already holds (valid today) in their data
 * store: a held document belongs to the first required document whose name carries every word of its type
 * ("Giấy khai sinh" → "Bản sao giấy khai sinh hoặc trích lục…"); what matches none is offered last.
 */
@Component
class ReuseOffers {

    /** @param document the required document's name; null for the group of other held documents */
    record Offer(String document, List<ReusableDocuments.Held> held) {
    }

    private final ObjectProvider<ReusableDocuments> documents;
    private final Catalogue catalogue;

    ReuseOffers(ObjectProvider<ReusableDocuments> documents, Catalogue catalogue) {
        this.documents = documents;
        this.catalogue = catalogue;
    }

    List<Offer> offers(String owner, String procedureCode, LocalDate day) {
        ReusableDocuments store = documents.getIfAvailable();
        if (store == null || owner == null) {
            return List.of();
        }
        List<ReusableDocuments.Held> held = store.held(owner, day);
        if (held.isEmpty()) {
            return List.of();
        }
        List<RequiredDocument> required = catalogue.versionInForce(procedureCode, day)
                .map(v -> v.requiredDocuments() == null ? List.<RequiredDocument>of() : v.requiredDocuments()).orElse(List.of());
        List<Offer> out = new ArrayList<>();
        Set<ReusableDocuments.Held> placed = new HashSet<>();
        for (RequiredDocument r : required) {
            Set<String> words = words(r.name());
            List<ReusableDocuments.Held> matching = held.stream()
                    .filter(h -> !placed.contains(h) && !words(h.type()).isEmpty() && words.containsAll(words(h.type())))
                    .toList();
            if (!matching.isEmpty()) {
                placed.addAll(matching);
                out.add(new Offer(r.name(), matching));
            }
        }
        List<ReusableDocuments.Held> rest = held.stream().filter(h -> !placed.contains(h)).toList();
        if (!rest.isEmpty()) {
            out.add(new Offer(null, rest));
        }
        return out;
    }

    private static Set<String> words(String s) {
        if (s == null) {
            return Set.of();
        }
        return new HashSet<>(Arrays.stream(VietnameseText.fold(s).toLowerCase(java.util.Locale.ROOT).split("[^a-z0-9]+"))
                .filter(w -> !w.isEmpty()).toList());
    }
}
