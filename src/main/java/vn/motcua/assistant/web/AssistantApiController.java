package vn.motcua.assistant.web;

import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.assistant.Answers;
import vn.motcua.assistant.Assistant;

@RestController
@RequestMapping("/api/v1/assistant")
@Tag(name = "Assistant", description = "Citizen assistant: a question in everyday Vietnamese → the procedures that fit")
class AssistantApiController {

    private final Assistant assistant;

    AssistantApiController(Assistant assistant) {
        this.assistant = assistant;
    }

    @GetMapping("/procedures")
    @Operation(summary = "The procedures that fit a question, best first; noMatch when none fits; clarify when the "
            + "close answers differ in a way the citizen can tell")
    Answers procedures(@Parameter(description = "the question, 1..300 characters, with or without diacritics")
                       @RequestParam(required = false) String q,
                       @Parameter(description = "the citizen's commune-level or province-level unit code")
                       @RequestParam(required = false) String unit,
                       @RequestParam(defaultValue = "5") int limit, Locale locale) {
        AssistantRequest.check(q, unit, limit);
        return assistant.ask(q, unit, limit, locale);
    }
}
