package vn.motcua.assistant.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.motcua.assistant.FormHelp;
import vn.motcua.dossier.spi.SubmissionAdvice;
import vn.motcua.platform.security.AccountService;
import vn.motcua.platform.time.VietnamTime;

/**
 * The assistant's form help on the dossier module's submission page: the help sheet by field path, the prefill (the last
 * dossier of the account, then the account's own name and e-mail), and the checks before submit (notes left out: only
 * what is to correct or to confirm).
 */
@Component
class SubmissionAdviser implements SubmissionAdvice, vn.motcua.dossier.spi.PrefillSource {

    private final FormAssistant forms;
    private final AccountService accounts;
    private final MessageSource messages;

    SubmissionAdviser(FormAssistant forms, AccountService accounts, MessageSource messages) {
        this.forms = forms;
        this.accounts = accounts;
        this.messages = messages;
    }

    @Override
    public Map<String, FieldAdvice> help(String procedureCode, Locale locale) {
        if (!FormSchemas.HAND_WRITTEN.contains(procedureCode)) {
            return Map.of();
        }
        Map<String, FieldAdvice> out = new LinkedHashMap<>();
        for (FormHelp.FieldHelp f : forms.help(procedureCode, locale).fields()) {
            if (f.help() != null || f.example() != null || f.why() != null) {
                out.put(f.field(), new FieldAdvice(f.help(), f.example(), f.why()));
            }
        }
        return out;
    }

    /** First: the wallet's profile comes later and wins. */
    @Override
    public int order() {
        return 0;
    }

    @Override
    public Map<String, String> prefill(String procedureCode, String username) {
        return fill(procedureCode, username, Locale.forLanguageTag("vi")).values();
    }

    /**
     * The last dossier's values (with the citizen's consent to reuse), then the account's own name and e-mail (given
     * by the citizen for this service, not reused from elsewhere); the notes say which of these filled the form, or
     * that the last dossier was not used for want of consent.
     */
    @Override
    public Filled fill(String procedureCode, String username, Locale locale) {
        if (username == null || !FormSchemas.HAND_WRITTEN.contains(procedureCode)) {
            return new Filled(Map.of(), List.of());
        }
        FormHelp.Prefill last = forms.prefill(procedureCode, username);
        Map<String, String> values = new LinkedHashMap<>(last.values());
        List<String> notes = new ArrayList<>();
        if (!values.isEmpty()) {
            String day = last.fromReceivedAt() == null ? "" : DAY.format(last.fromReceivedAt().atZone(VietnamTime.ZONE));
            notes.add(messages.getMessage("assistant.prefill.fromDossier", new Object[] {last.fromDossier(), day}, locale));
        } else if (last.consentNeeded()) {
            notes.add(messages.getMessage("assistant.prefill.consentNeeded", null, locale));
        }
        FormSchemas.Schema schema = FormSchemas.of(procedureCode);
        boolean[] fromAccount = {false};
        accounts.find(username).filter(a -> a.audience() == vn.motcua.platform.security.Audience.CITIZEN).ifPresent(a -> {
            if (a.displayName() != null && !a.displayName().isBlank() && schema.field("applicant.fullName") != null
                    && !values.containsKey("applicant.fullName")) {
                values.put("applicant.fullName", a.displayName().strip());
                fromAccount[0] = true;
            }
            if (a.email() != null && !a.email().isBlank()) {
                String path = schema.field("applicant.email") != null ? "applicant.email"
                        : schema.field("email") != null ? "email" : null;
                if (path != null && !values.containsKey(path)) {
                    values.put(path, a.email().strip());
                    fromAccount[0] = true;
                }
            }
        });
        if (fromAccount[0]) {
            notes.add(messages.getMessage("assistant.prefill.fromAccount", null, locale));
        }
        return new Filled(values, notes);
    }

    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Override
    public List<Finding> check(String procedureCode, Map<String, Object> form, List<String> documents, Locale locale) {
        if (!FormSchemas.HAND_WRITTEN.contains(procedureCode)) {
            return List.of();
        }
        return forms.check(procedureCode, form, documents, locale).findings().stream()
                .filter(f -> !f.severity().equals("INFO"))
                .map(f -> new Finding(f.field(), f.severity().equals("ERROR"), f.message()))
                .toList();
    }
}
