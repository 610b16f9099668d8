package vn.motcua.catalogue.eforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The names a schema's field lists declare are listed once per list and reused: a later submission against the same
 * schema, and a submission against another schema, are judged by their own schema's names.
 */
class EFormKnownNamesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static List<String> check(JsonNode schema, Map<String, Object> data) {
        return new EFormValidator(LocalDate.of(2026, 3, 1), c -> true).validate(schema, data).stream()
                .map(p -> p.field() + ":" + p.key()).toList();
    }

    @Test
    void eachSchemaIsJudgedByItsOwnNames() {
        JsonNode a = JSON.readTree("""
                {"fields": [{"name": "ten", "type": "text"},
                            {"name": "nguoi", "type": "group", "fields": [{"name": "ho", "type": "text"}]}]}""");
        JsonNode b = JSON.readTree("""
                {"fields": [{"name": "ho", "type": "text"},
                            {"name": "nguoi", "type": "group", "fields": [{"name": "ten", "type": "text"}]}]}""");
        for (int i = 0; i < 2; i++) {
            assertThat(check(a, Map.of("ten", "An", "nguoi", Map.of("ho", "Lê")))).isEmpty();
            assertThat(check(a, Map.of("ho", "Lê", "nguoi", Map.of("ten", "An"))))
                    .containsExactlyInAnyOrder("ho:eform.error.unknownField", "nguoi.ten:eform.error.unknownField");
            assertThat(check(b, Map.of("ho", "Lê", "nguoi", Map.of("ten", "An")))).isEmpty();
            assertThat(check(b, Map.of("ten", "An", "nguoi", Map.of("ho", "Lê"))))
                    .containsExactlyInAnyOrder("ten:eform.error.unknownField", "nguoi.ho:eform.error.unknownField");
        }
        // An equal schema read again (another node) is judged the same way.
        JsonNode a2 = JSON.readTree(a.toString());
        assertThat(check(a2, Map.of("ten", "An", "x", "1"))).containsExactly("x:eform.error.unknownField");
    }

    @Test
    void personalIdsOfTwelveAsciiDigitsOnly() {
        assertThat(PersonalIds.check("079190012345")).isEmpty();
        assertThat(PersonalIds.check("07919001234")).contains(PersonalIds.Problem.FORMAT);
        assertThat(PersonalIds.check("0791900123456")).contains(PersonalIds.Problem.FORMAT);
        assertThat(PersonalIds.check("07919001234a")).contains(PersonalIds.Problem.FORMAT);
        assertThat(PersonalIds.check("٠٧٩١٩٠٠١٢٣٤٥")).contains(PersonalIds.Problem.FORMAT);
        assertThat(PersonalIds.check("079190012345\n")).contains(PersonalIds.Problem.FORMAT);
        assertThat(PersonalIds.check("003190012345")).contains(PersonalIds.Problem.PROVINCE);
    }
}
