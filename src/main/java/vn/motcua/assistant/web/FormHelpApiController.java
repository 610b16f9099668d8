package vn.motcua.assistant.web;

import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.assistant.FormHelp;
import vn.motcua.platform.api.ApiException;

@RestController
@RequestMapping("/api/v1/assistant")
@Tag(name = "Assistant", description = "Citizen assistant: a question in everyday Vietnamese → the procedures that fit")
class FormHelpApiController {

    private final FormHelp forms;

    FormHelpApiController(FormHelp forms) {
        this.forms = forms;
    }

    /** The body of a check: the procedure, its e-form's data (nested), and the names of the attached documents. */
    record FormCheckRequest(String procedure, Map<String, Object> form, List<String> documents) {
    }

    @GetMapping("/form-help")
    @Operation(summary = "Per-field help of a hand-written e-form: what to write, an example, why it is asked "
            + "(Vietnamese, or English with Accept-Language: en)")
    FormHelp.Sheet help(@Parameter(description = "procedure code, e.g. 1.001193") @RequestParam(required = false) String procedure,
                        Locale locale) {
        return forms.help(code(procedure), locale);
    }

    @GetMapping("/prefill")
    @Operation(summary = "Values to pre-fill the procedure's e-form with, from the signed-in citizen's last dossier")
    FormHelp.Prefill prefill(@RequestParam(required = false) String procedure, Principal principal) {
        return forms.prefill(code(procedure), principal.getName());
    }

    @PostMapping("/form-check")
    @Operation(summary = "Checks before submit: missing documents, the child's birth date, personal ID numbers against "
            + "birth date and sex, phone numbers; ok is false when a finding must be corrected")
    FormHelp.Check check(@RequestBody FormCheckRequest body, Locale locale) {
        if (body == null) {
            throw ApiException.badRequest("assistant.error.procedureCode");
        }
        if (body.documents() != null && body.documents().size() > 50) {
            throw ApiException.badRequest("assistant.error.documents");
        }
        return forms.check(code(body.procedure()), body.form(), body.documents(), locale);
    }

    private static String code(String procedure) {
        if (procedure == null || !vn.motcua.catalogue.ProcedureVersion.isCode(procedure.strip())) {
            throw ApiException.badRequest("assistant.error.procedureCode");
        }
        return procedure.strip();
    }
}
