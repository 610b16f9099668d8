package vn.motcua.assistant.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import vn.motcua.assistant.FormHelp;
import vn.motcua.dossier.spi.SubmissionAdvice;
import vn.motcua.platform.security.AccountService;

/**
 * The assistant's form help on the dossier module's submission page: the help sheet by field path, the prefill (the last
 * dossier of the account, then the account's own name and e-mail), and the checks before submit (notes left out: only
 * what is to correct or to confirm).
 */
@Component
class SubmissionAdviser implements SubmissionAdvice, vn.motcua.dossier.spi.PrefillSource {

    private final FormAssistant forms;
    private final AccountService accounts;

    SubmissionAdviser(FormAssistant forms, AccountService accounts) {
        this.forms = forms;
        this.accounts = accounts;
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
        if (username == null || !FormSchemas.HAND_WRITTEN.contains(procedureCode)) {
            return Map.of();
        }
        Map<String, String> values = new LinkedHashMap<>(forms.prefill(procedureCode, username).values());
        FormSchemas.Schema schema = FormSchemas.of(procedureCode);
        accounts.find(username).filter(a -> a.audience() == vn.motcua.platform.security.Audience.CITIZEN).ifPresent(a -> {
            if (a.displayName() != null && !a.displayName().isBlank() && schema.field("applicant.fullName") != null) {
                values.putIfAbsent("applicant.fullName", a.displayName().strip());
            }
            if (a.email() != null && !a.email().isBlank()) {
                String path = schema.field("applicant.email") != null ? "applicant.email"
                        : schema.field("email") != null ? "email" : null;
                if (path != null) {
                    values.putIfAbsent(path, a.email().strip());
                }
            }
        });
        return values;
    }

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
