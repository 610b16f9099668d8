package vn.motcua.dossier.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import vn.motcua.catalogue.Catalogue;
import vn.motcua.catalogue.EFormPages;
import vn.motcua.catalogue.RequiredDocument;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.internal.DossierStore.AttachmentInfo;
import vn.motcua.dossier.internal.RequiredDocuments;
import vn.motcua.platform.text.VietnameseText;
import vn.motcua.territory.Territory;

/**
 * A dossier as an officer (or its applicant) reads it: the e-form along its schema, with the schema's Vietnamese
 * labels and sections, choices by their labels and places by their names as of the day it was received; and the files
 * set against the procedure's documents: which file is which document, what is missing. Used by the templates
 * ({@code dossier/reading}) as {@code @dossierReading}.
 */
@Component
public class DossierReading {

    private final EFormPages eforms;
    private final Catalogue catalogue;
    private final Territory territory;

    DossierReading(EFormPages eforms, Catalogue catalogue, Territory territory) {
        this.eforms = eforms;
        this.catalogue = catalogue;
        this.territory = territory;
    }

    /** One line of the form: a section heading, or a label and its value. */
    public record FormRow(boolean section, int depth, String label, String value, boolean known) {
    }

    public enum Status {
        /** A file was matched to the document by its name. */
        FILE,
        /** The document is the e-form itself (tờ khai), filled in online. */
        FORM,
        /** Shown in the original at the desk (xuất trình), not handed in: no file expected. */
        PRESENT,
        /** Needed in every case and no file matches it. */
        MISSING,
        /** Needed only in some cases ("trường hợp …"), and no file matches it. */
        IF_APPLICABLE
    }

    /**
     * A required document and the files that are it.
     *
     * @param name   its short name (up to the first ';')
     * @param detail the rest of the published text, or null
     */
    public record DocumentCheck(String name, String detail, Status status, List<AttachmentInfo> files) {
    }

    /**
     * @param others files matched to no document (still listed and openable)
     */
    public record Reading(List<FormRow> form, String place, List<DocumentCheck> documents, List<AttachmentInfo> others,
                          long missing) {
    }

    public Reading read(Dossier d, List<AttachmentInfo> attachments) {
        LocalDate day = LocalDate.ofInstant(d.receivedAt(), DossierViews.VN);
        List<FormRow> form = new ArrayList<>();
        for (EFormPages.ReadRow r : eforms.read(d.procedureCode(), day, d.form())) {
            String value = "address".equals(r.type()) ? place(r.value(), day) : r.value();
            form.add(new FormRow(r.section(), r.depth(), r.label(), value, r.known()));
        }
        List<RequiredDocument> required = RequiredDocuments.of(catalogue.versionInForce(d.procedureCode(), day)
                .orElse(null));
        Map<Integer, List<AttachmentInfo>> byDocument = new LinkedHashMap<>();
        List<AttachmentInfo> others = new ArrayList<>();
        for (AttachmentInfo a : attachments) {
            // What the submission said the file is; older dossiers and files given without it: by the file's name.
            int said = RequiredDocuments.indexOf(required, a.document());
            int best = said >= 0 ? said : bestMatch(a.fileName(), required);
            if (best < 0) {
                others.add(a);
            } else {
                byDocument.computeIfAbsent(best, k -> new ArrayList<>()).add(a);
            }
        }
        List<DocumentCheck> documents = new ArrayList<>();
        for (int i = 0; i < required.size(); i++) {
            RequiredDocument doc = required.get(i);
            String[] parts = split(doc.name());
            List<AttachmentInfo> files = byDocument.getOrDefault(i, List.of());
            Status status;
            if (!files.isEmpty()) {
                status = Status.FILE;
            } else if (isForm(parts[0]) && !d.form().isEmpty()) {
                status = Status.FORM;
            } else if (doc.presentOnly()) {
                status = Status.PRESENT;
            } else if (conditional(doc, parts[0])) {
                status = Status.IF_APPLICABLE;
            } else {
                status = Status.MISSING;
            }
            documents.add(new DocumentCheck(parts[0], parts[1], status, files));
        }
        long missing = documents.stream().filter(c -> c.status() == Status.MISSING).count();
        return new Reading(form, place(d.addressUnitCode(), day), documents, others, missing);
    }

    /**
     * Whom the dossier is about, for lists: the first person in the form other than the applicant (the child of a
     * birth registration), else the applicant.
     */
    public String mainPerson(Dossier d) {
        for (var e : d.form().entrySet()) {
            if (!"applicant".equals(e.getKey()) && e.getValue() instanceof Map<?, ?> m
                    && m.get("fullName") instanceof String name && !name.isBlank()) {
                return name.strip();
            }
        }
        return d.applicant().name();
    }

    /** "Phường Sài Gòn, Thành phố Hồ Chí Minh" for a unit code as of a day; the text itself when it is no code. */
    String place(String code, LocalDate day) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return territory.unit(code.strip(), day).map(u -> u.fullName() + territory.province(u.code(), day)
                        .filter(p -> !p.code().equals(u.code())).map(p -> ", " + p.fullName()).orElse(""))
                .orElse(code);
    }

    /** A document to hand in or show (not a published note: "Lưu ý: …", or an entry of no copies). */
    static boolean isDocument(RequiredDocument doc) {
        return RequiredDocuments.isDocument(doc);
    }

    private static boolean conditional(RequiredDocument doc, String shortName) {
        String f = VietnameseText.fold(shortName);
        return doc.condition() != null || f.startsWith("truong hop") || f.contains(" truong hop ")
                || f.startsWith("neu ") || f.contains(" neu ");
    }

    private static boolean isForm(String shortName) {
        String f = VietnameseText.fold(shortName);
        return f.startsWith("to khai") || f.contains("mau ho tich dien tu") || f.startsWith("don ");
    }

    /** The short name (to the first ';', without a leading dash) and the rest. */
    static String[] split(String name) {
        return RequiredDocuments.split(name);
    }

    /**
     * The document a file's name says it is: most of the file name's words (at least two) among the words of the
     * document's short name; -1 when none does.
     */
    static int bestMatch(String fileName, List<RequiredDocument> docs) {
        String base = fileName.replaceFirst("\\.[A-Za-z0-9]{1,5}$", "");
        List<String> words = new ArrayList<>();
        for (String w : VietnameseText.fold(base.replace('_', ' ')).split(" ")) {
            if (w.length() >= 2 && !w.matches("\\d+")) {
                words.add(w);
            }
        }
        if (words.size() < 2) {
            return -1;
        }
        int best = -1;
        int bestHits = 0;
        for (int i = 0; i < docs.size(); i++) {
            List<String> docWords = List.of(VietnameseText.fold(split(docs.get(i).name())[0]).split(" "));
            int hits = (int) words.stream().filter(docWords::contains).count();
            if (hits >= 2 && hits * 10 >= words.size() * 6 && hits > bestHits) {
                best = i;
                bestHits = hits;
            }
        }
        return best;
    }
}
