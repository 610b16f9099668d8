package vn.motcua.dossier.internal;

import java.util.List;

import vn.motcua.catalogue.ProcedureVersion;
import vn.motcua.catalogue.RequiredDocument;
import vn.motcua.platform.api.ApiException;
import vn.motcua.platform.text.VietnameseText;

/**
 * The documents of a procedure version that files can answer (documents only: published notes "Lưu ý: …" and
 * entries of no copies apart), by their short names; and the check of the optional {@code "document"} of an
 * attachment in a submission against them.
 */
public final class RequiredDocuments {

    private RequiredDocuments() {
    }

    /** The version's documents, in their published order. */
    public static List<RequiredDocument> of(ProcedureVersion version) {
        return version == null ? List.of()
                : version.requiredDocuments().stream().filter(RequiredDocuments::isDocument).toList();
    }

    /** A document to hand in or show (not a published note: "Lưu ý: …", or an entry of no copies). */
    public static boolean isDocument(RequiredDocument doc) {
        return doc.count() >= 1 && doc.name() != null && !doc.name().isBlank()
                && (doc.condition() == null || !VietnameseText.fold(doc.condition()).startsWith("luu i"));
    }

    /** The short name (to the first ';', without a leading dash) and the rest (or null). */
    public static String[] split(String name) {
        String n = RequiredDocument.unmarked(name);
        int semi = n.indexOf(';');
        if (semi > 0) {
            return new String[]{n.substring(0, semi).strip(), n.substring(semi + 1).strip()};
        }
        return new String[]{n, null};
    }

    /**
     * The index of the document named {@code given} (its short name or its whole published text, with or without
     * diacritics and in any case), or -1.
     */
    public static int indexOf(List<RequiredDocument> docs, String given) {
        if (given == null || given.isBlank()) {
            return -1;
        }
        String key = VietnameseText.fold(given);
        for (int i = 0; i < docs.size(); i++) {
            if (key.equals(VietnameseText.fold(split(docs.get(i).name())[0]))
                    || key.equals(VietnameseText.fold(docs.get(i).name()))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The short name, as the catalogue writes it, of the document an attachment says it answers; null when it says
     * none. An unknown name is a 422 naming the attachment ({@code attachments[i].document}) and the documents the
     * version asks for.
     */
    static String check(ProcedureVersion version, String given, int attachment) {
        if (given == null || given.isBlank()) {
            return null;
        }
        List<RequiredDocument> docs = of(version);
        int i = indexOf(docs, given);
        if (i < 0) {
            throw ApiException.unprocessable("dossier.attachment.document.unknown", given.strip())
                    .with("field", "attachments[" + attachment + "].document")
                    .with("documents", docs.stream().map(d -> split(d.name())[0]).toList());
        }
        return split(docs.get(i).name())[0];
    }
}
