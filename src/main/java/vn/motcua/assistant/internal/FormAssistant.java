package vn.motcua.assistant.internal;

import vn.motcua.platform.time.VietnamTime;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.assistant.FormHelp;
import vn.motcua.catalogue.Catalogue;
import vn.motcua.catalogue.ProcedureVersion;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierHistory;
import vn.motcua.platform.api.ApiException;
import vn.motcua.privacy.Consents;

/**
 * Form help over the e-form schemas ({@link FormSchemas}), the help kept as data in {@code assistant/form-help.json},
 * the citizen's last dossier ({@link DossierHistory}) and the procedure's required documents ({@link Catalogue}).
 */
@Service
public class FormAssistant implements FormHelp {

    private static final ZoneId ZONE = VietnamTime.ZONE;

    private final Catalogue catalogue;
    private final ObjectProvider<DossierHistory> history;
    private final MessageSource messages;
    private final java.time.Clock clock;
    private final Consents consents;
    private final JsonNode help;

    public FormAssistant(Catalogue catalogue, ObjectProvider<DossierHistory> history, MessageSource messages,
                         java.time.Clock clock, Consents consents) {
        this.clock = clock;
        this.consents = consents;
        this.catalogue = catalogue;
        this.history = history;
        this.messages = messages;
        try (InputStream in = new ClassPathResource("assistant/form-help.json").getInputStream()) {
            this.help = JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------------------------------ help

    @Override
    public Sheet help(String procedureCode, Locale locale) {
        if (!FormSchemas.HAND_WRITTEN.contains(procedureCode)) {
            throw ApiException.notFound("assistant.error.noForm", procedureCode);
        }
        String lang = language(locale);
        FormSchemas.Schema schema = FormSchemas.of(procedureCode);
        List<FieldHelp> fields = new ArrayList<>();
        for (FormSchemas.Field f : schema.fields()) {
            JsonNode h = entry(procedureCode, f).path(lang);
            fields.add(new FieldHelp(f.path(), f.label(), f.type(), f.required(), text(h, "help"), text(h, "example"),
                    text(h, "why")));
        }
        return new Sheet(procedureCode, schema.title(), lang, fields);
    }

    /** The form's own entry for the path, else the common one for the path, else the common one for the field's name. */
    JsonNode entry(String code, FormSchemas.Field f) {
        JsonNode own = help.path("forms").path(code).path(f.path());
        if (!own.isMissingNode()) {
            return own;
        }
        JsonNode common = help.path("common").path(f.path());
        return common.isMissingNode() ? help.path("common").path(f.name()) : common;
    }

    static String language(Locale locale) {
        return locale != null && locale.getLanguage().equals("en") ? "en" : "vi";
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    // ------------------------------------------------------------------------------------------ prefill

    @Override
    public Prefill prefill(String procedureCode, String username) {
        inForce(procedureCode);
        FormSchemas.Schema schema = FormSchemas.of(procedureCode);
        DossierHistory h = history.getIfAvailable();
        Dossier last = h == null ? null : h.lastSubmittedBy(username).orElse(null);
        if (last == null || last.applicant() == null || last.applicant().kind() == Dossier.Applicant.Kind.ORGANISATION) {
            return new Prefill(procedureCode, Map.of(), null, null, null, false);
        }
        // Reusing an earlier dossier's personal data in a new one rests on the same consent as the data store's reuse
        // (never by silence; a withdrawal is honoured at once).
        if (!consents.allows(username, Consents.DATA_STORE_REUSE)) {
            return new Prefill(procedureCode, Map.of(), null, null, null, true);
        }
        Map<String, String> known = known(last);
        Map<String, String> values = new LinkedHashMap<>();
        known.forEach((path, value) -> {
            if (value == null || value.isBlank()) {
                return;
            }
            if (schema.field(path) != null) {
                values.put(path, value);
            } else {
                // a form without an applicant group (marriage) asks for the contact at the top
                String top = path.substring(path.indexOf('.') + 1);
                if ((top.equals("phone") || top.equals("email")) && schema.field(top) != null) {
                    values.putIfAbsent(top, value);
                }
            }
        });
        return new Prefill(procedureCode, values, last.receiptNumber() != null ? last.receiptNumber() : last.code(),
                last.procedureCode(), last.receivedAt(), false);
    }

    /** What the last dossier says of its applicant: the dossier's own record first, then its form's applicant part. */
    static Map<String, String> known(Dossier d) {
        Map<String, String> out = new LinkedHashMap<>();
        Object formApplicant = d.form() == null ? null : d.form().get("applicant");
        Map<?, ?> fa = formApplicant instanceof Map<?, ?> m ? m : Map.of();
        out.put("applicant.fullName", first(d.applicant().name(), fa.get("fullName")));
        out.put("applicant.birthDate", first(null, fa.get("birthDate")));
        String id = first(d.applicant().personalId(), fa.get("personalId"));
        out.put("applicant.personalId", id != null && PersonalIdNumbers.digits(id).matches("\\d{12}") ? PersonalIdNumbers.digits(id) : null);
        out.put("applicant.phone", first(d.applicant().phone(), fa.get("phone")));
        out.put("applicant.email", first(d.applicant().email(), fa.get("email")));
        out.put("applicant.residence", first(d.addressUnitCode(), fa.get("residence")));
        out.put("applicant.residenceDetail", first(d.addressLine(), fa.get("residenceDetail")));
        return out;
    }

    private static String first(String a, Object b) {
        if (a != null && !a.isBlank()) {
            return a.strip();
        }
        return b == null || b.toString().isBlank() ? null : b.toString().strip();
    }

    // ------------------------------------------------------------------------------------------ checks

    @Override
    public Check check(String procedureCode, Map<String, Object> form, List<String> documents, Locale locale) {
        ProcedureVersion v = inForce(procedureCode);
        List<FormChecks.Finding> found = FormChecks.check(FormSchemas.of(procedureCode), form, v.requiredDocuments(),
                documents, LocalDate.now(clock.withZone(ZONE)));
        List<Finding> out = new ArrayList<>();
        for (FormChecks.Finding f : found) {
            out.add(new Finding(f.field(), f.severity().name(), f.code(), message(f, locale)));
        }
        boolean ok = found.stream().noneMatch(f -> f.severity() == FormChecks.Severity.ERROR);
        return new Check(procedureCode, ok, out);
    }

    String message(FormChecks.Finding f, Locale locale) {
        Object[] args = f.args().stream()
                .map(a -> a.equals("nu") || a.equals("nam") ? new DefaultMessageSourceResolvable("assistant.check.sex." + a) : a)
                .toArray();
        return messages.getMessage(f.code(), args, f.code(), locale == null ? Locale.forLanguageTag("vi") : locale);
    }

    private ProcedureVersion inForce(String code) {
        return catalogue.versionInForce(code, LocalDate.now(clock.withZone(ZONE)))
                .orElseThrow(() -> ApiException.notFound("assistant.error.procedure", code));
    }
}
