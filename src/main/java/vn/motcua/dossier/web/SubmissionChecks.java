package vn.motcua.dossier.web;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.spi.SubmissionAdvice;
import vn.motcua.dossier.SubmitDossier;

/**
 * The online submission page's help and "check before submit" step, when a module offers {@link SubmissionAdvice} (the
 * citizen assistant): help beside the fields, a new form prefilled, and before the dossier is created a summary of what
 * is still missing or does not agree, which the citizen corrects or confirms. Files chosen before the summary are
 * carried in the page (hidden, base64) so that confirming does not mean choosing them again; the intake checks them as
 * any upload.
 */
@Component
class SubmissionChecks {

    /** Posted by the page: the check is asked for (pages of other clients that post without it are not stopped). */
    static final String CHECK = "_check";
    /** Posted by the summary's button: the citizen has read the summary and submits anyway. */
    static final String CONFIRMED = "_confirmed";

    /** A file carried from the check to the confirmation. */
    record Held(String name, String data) {
    }

    private final ObjectProvider<SubmissionAdvice> advice;

    SubmissionChecks(ObjectProvider<SubmissionAdvice> advice) {
        this.advice = advice;
    }

    boolean offered() {
        return advice.getIfAvailable() != null;
    }

    /** Help by field path (item indexes removed from the page's paths when looked up: see {@link #key}). */
    Map<String, SubmissionAdvice.FieldAdvice> help(String procedure, Locale locale) {
        SubmissionAdvice a = advice.getIfAvailable();
        return a == null ? Map.of() : a.help(procedure, locale);
    }

    /** The findings to show before the dossier is created; empty when there is nothing to say or no check was asked. */
    List<SubmissionAdvice.Finding> findings(String procedure, Map<String, String> params, Map<String, Object> data,
                                            List<String> documents, Locale locale) {
        SubmissionAdvice a = advice.getIfAvailable();
        if (a == null || !params.containsKey(CHECK) || params.containsKey(CONFIRMED)) {
            return List.of();
        }
        return a.check(procedure, data, documents, locale);
    }

    /** Files posted in the page from an earlier check (pairs of name and base64 content). */
    static List<Held> held(List<String> names, List<String> data) {
        List<Held> out = new ArrayList<>();
        if (names == null || data == null) {
            return out;
        }
        for (int i = 0; i < Math.min(names.size(), data.size()); i++) {
            if (!names.get(i).isBlank() && !data.get(i).isBlank()) {
                out.add(new Held(names.get(i), data.get(i)));
            }
        }
        return out;
    }

    /** The held files and the new uploads, as held files to carry again (uploads first encoded as the intake takes them). */
    static List<Held> carry(List<Held> held, List<SubmitDossier.AttachmentData> uploads) {
        Map<String, Held> out = new LinkedHashMap<>();
        held.forEach(h -> out.put(h.name() + "\u0000" + h.data().hashCode(), h));
        for (SubmitDossier.AttachmentData u : uploads) {
            if (u.fileName() != null && u.contentBase64() != null) {
                out.putIfAbsent(u.fileName() + "\u0000" + u.contentBase64().hashCode(), new Held(u.fileName(), u.contentBase64()));
            }
        }
        return new ArrayList<>(out.values());
    }

    static List<SubmitDossier.AttachmentData> attachments(List<Held> held) {
        List<SubmitDossier.AttachmentData> out = new ArrayList<>();
        for (Held h : held) {
            try {
                Base64.getDecoder().decode(h.data());
            } catch (IllegalArgumentException e) {
                continue; // not what the page wrote: left out rather than failing the submission
            }
            out.add(new SubmitDossier.AttachmentData(h.name(), h.data()));
        }
        return out;
    }

    /** A page path ({@code members[1].personalId}) as the help is keyed ({@code members.personalId}). */
    static String key(String path) {
        return path == null ? null : path.replaceAll("\\[\\d+]", "");
    }
}
