package vn.motcua.questions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import vn.motcua.assistant.ProcedureTextSource;
import vn.motcua.support.Http;

/** The council tests' set-up through the API: a question asked without signing in, a sitting of the city's council. */
final class CouncilFixtures {

    /** Phường Sài Gòn, whose agency's leader ({@code lanhdao}) a sitting selects. */
    static final String SAI_GON = "26740";
    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    private CouncilFixtures() {
    }

    /** Asked without an account, with a contact (name and phone or e-mail); its id. */
    static String ask(Http http, String unitCode, String procedure, String subject, String text,
                      Map<String, String> contact) {
        Map<String, Object> body = new HashMap<>();
        body.put("subject", subject);
        body.put("text", text);
        body.put("place", Map.of("unitCode", unitCode));
        if (procedure != null) {
            body.put("procedureCode", procedure);
        }
        body.put("contact", contact);
        var r = http.postJson(null, null, "/api/v1/questions", body, "X-Forwarded-For", QuestionApiTest.randomAddress());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    /** A sitting of the city's (79) council, created by its member {@code hdnd}; its id. */
    static String openSitting(Http http, String title, LocalDate date) {
        var created = http.postJson("hdnd", "demo", "/api/v1/council/sittings",
                Map.of("unitCode", "79", "title", title, "date", date.toString()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    /** The texts the citizen assistant reads for a procedure. */
    static List<String> texts(List<ProcedureTextSource> sources, String procedure) {
        return sources.stream().flatMap(s -> s.textsByProcedure().getOrDefault(procedure, List.of()).stream()).toList();
    }
}
