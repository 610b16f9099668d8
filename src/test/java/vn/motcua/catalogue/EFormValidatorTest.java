package vn.motcua.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.catalogue.eforms.EFormValidator;
import vn.motcua.catalogue.eforms.PersonalIds;

class EFormValidatorTest {

    static final JsonNode SCHEMA = JsonMapper.builder().build().readTree("""
            {"fields": [
              {"name": "birthDate", "label": "Ngày sinh", "type": "date", "required": true, "notAfterToday": true},
              {"name": "id", "label": "Số định danh", "type": "personalId", "required": true, "birthDateField": "birthDate"},
              {"name": "phone", "label": "Điện thoại", "type": "phone"},
              {"name": "email", "label": "Email", "type": "email"},
              {"name": "kind", "label": "Loại", "type": "choice", "options": [{"value": "A"}, {"value": "B"}]},
              {"name": "detail", "label": "Chi tiết", "requiredIf": {"field": "kind", "equals": "B"}},
              {"name": "n", "label": "Số bản", "type": "number", "min": 1, "max": 5},
              {"name": "place", "label": "Nơi ở", "type": "address"},
              {"name": "members", "label": "Thành viên", "type": "group", "repeatable": true, "maxItems": 2,
               "fields": [{"name": "name", "label": "Tên", "required": true}]}
            ]}""");

    static List<String> errors(Map<String, Object> data) {
        return new EFormValidator(LocalDate.of(2026, 3, 1), c -> !c.equals("99999")).validate(SCHEMA, data).stream()
                .map(p -> p.field() + ":" + p.key()).toList();
    }

    @Test
    void validSubmissionHasNoErrors() {
        assertThat(errors(Map.of("birthDate", "1990-05-01", "id", "079090001234", "phone", "090 123 4567",
                "email", "an@example.vn", "kind", "A", "n", "2", "place", "26737",
                "members", List.of(Map.of("name", "An"))))).isEmpty();
        assertThat(errors(Map.of("birthDate", "2001-05-01", "id", "001301001234", "phone", "02838221234"))).isEmpty();
    }

    @Test
    void eachRuleGivesAFieldLevelError() {
        assertThat(errors(Map.of("birthDate", "1990-02-30", "id", "07909000123", "phone", "0123", "email", "x@",
                "kind", "B", "n", "9", "place", "99999", "members", List.of(Map.of("name", "x"), Map.of("name", "y"), Map.of("name", "z")))))
                .contains("birthDate:eform.error.date", "id:eform.error.personalId.format", "phone:eform.error.phone",
                        "email:eform.error.email", "detail:eform.error.required", "n:eform.error.max",
                        "place:eform.error.address", "members:eform.error.maxItems");
        assertThat(errors(Map.of("birthDate", "1990-05-01", "id", "079090001234",
                "members", List.of(Map.of("name", "x"), Map.of("name", " ", "extra", "1")))))
                .containsExactly("members[1].extra:eform.error.unknownField", "members[1].name:eform.error.required");
        assertThat(errors(Map.of())).containsExactly("birthDate:eform.error.required", "id:eform.error.required");
        assertThat(errors(Map.of("birthDate", "2030-01-01", "id", "079090001234"))).contains("birthDate:eform.error.future");
    }

    @Test
    void theSchemaIsClosedAndEachValueIsOneBoundedValue() {
        var valid = new java.util.HashMap<String, Object>(Map.of("birthDate", "1990-05-01", "id", "079090001234"));
        var junk = new java.util.HashMap<String, Object>(valid);
        junk.put("junk", "x".repeat(9 * 1024 * 1024));
        junk.put("bad\u0000key", "1");
        assertThat(errors(junk)).containsExactlyInAnyOrder("junk:eform.error.unknownField", "bad?key:eform.error.unknownField");
        var object = new java.util.HashMap<String, Object>(valid);
        object.put("phone", Map.of("number", "0901234567"));
        object.put("kind", List.of("A"));
        assertThat(errors(object)).containsExactlyInAnyOrder("phone:eform.error.type", "kind:eform.error.type");
        var longDetail = new java.util.HashMap<String, Object>(valid);
        longDetail.put("detail", "x".repeat(5000));
        longDetail.put("email", "a".repeat(300) + "@example.vn");
        assertThat(errors(longDetail)).containsExactlyInAnyOrder("detail:eform.error.maxLength", "email:eform.error.maxLength");
        var nested = new java.util.HashMap<String, Object>(valid);
        nested.put("members", List.of(Map.of("name", "An", "age", "3")));
        assertThat(errors(nested)).containsExactly("members[0].age:eform.error.unknownField");
    }

    @Test
    void personalIdMustMatchTheBirthDate() {
        assertThat(errors(Map.of("birthDate", "1991-05-01", "id", "079090001234")))
                .containsExactly("id:eform.error.personalId.birthYear");
        assertThat(errors(Map.of("birthDate", "1990-05-01", "id", "097090001234")))
                .containsExactly("id:eform.error.personalId.province");
        assertThat(PersonalIds.birthYear("079305001234")).isEqualTo(2005);
        assertThat(PersonalIds.female("079305001234")).isTrue();
        assertThat(PersonalIds.birthYear("079890001234")).isEqualTo(1890);
    }
}
