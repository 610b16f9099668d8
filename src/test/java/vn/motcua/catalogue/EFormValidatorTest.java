package vn.motcua.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.catalogue.eforms.EFormValidator;
import vn.motcua.catalogue.eforms.FormRenderer;
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

    static final JsonNode SECTIONS = JsonMapper.builder().build().readTree("""
            {"fields": [
              {"name": "child", "label": "Người được khai sinh", "type": "group", "required": true, "fields": [
                {"name": "fullName", "label": "Họ và tên", "required": true},
                {"name": "gender", "label": "Giới tính", "type": "choice", "required": true, "options": [{"value": "NAM"}]},
                {"name": "note", "label": "Ghi chú"}]},
              {"name": "father", "label": "Người cha", "type": "group", "fields": [
                {"name": "fullName", "label": "Họ và tên", "required": true},
                {"name": "birthDate", "label": "Ngày sinh", "type": "date", "required": true}]}
            ]}""");

    static List<String> errors(JsonNode schema, Map<String, Object> data) {
        return new EFormValidator(LocalDate.of(2026, 3, 1), c -> true).validate(schema, data).stream()
                .map(p -> p.field() + ":" + p.key()).toList();
    }

    @Test
    void aRequiredSectionLeftEmptyNamesEachMissingFieldNeverTheSection() {
        // Before: "child:eform.error.minItems" ("Người được khai sinh: cần ít nhất 1 mục").
        assertThat(errors(SECTIONS, Map.of()))
                .containsExactly("child.fullName:eform.error.required", "child.gender:eform.error.required");
        assertThat(errors(SECTIONS, Map.of("child", Map.of("fullName", " ", "gender", ""))))
                .containsExactly("child.fullName:eform.error.required", "child.gender:eform.error.required");
        // An optional section (the father) may be left out; once begun, its required fields are required.
        assertThat(errors(SECTIONS, Map.of("child", Map.of("fullName", "An", "gender", "NAM"),
                "father", Map.of("fullName", "Bình", "birthDate", "")))).containsExactly("father.birthDate:eform.error.required");
    }

    @Test
    void aDateIsThreeBoxesJoinedIntoTheIsoDateTheApiTakes() {
        assertThat(FormRenderer.joinDates(Map.of("d__day", "5", "d__month", "3", "d__year", "2007")))
                .containsExactlyEntriesOf(Map.of("d", "2007-03-05"));
        assertThat(FormRenderer.joinDates(Map.of("d__day", "", "d__month", "", "d__year", ""))).containsEntry("d", "");
        assertThat(FormRenderer.nest(Map.of("child.birthDate__day", "27", "child.birthDate__month", "03",
                "child.birthDate__year", "2007"), new java.util.HashMap<>()))
                .isEqualTo(Map.of("child", Map.of("birthDate", "2007-03-27")));
        JsonNode schema = JsonMapper.builder().build().readTree("""
                {"fields": [{"name": "d", "label": "Ngày sinh", "type": "date", "required": true}]}""");
        java.util.function.Function<Map<String, String>, List<String>> check = boxes ->
                errors(schema, new java.util.HashMap<>(FormRenderer.nest(boxes, new java.util.HashMap<>())));
        assertThat(check.apply(Map.of("d__day", "31", "d__month", "2", "d__year", "2024"))).containsExactly("d:eform.error.date");
        assertThat(check.apply(Map.of("d__day", "31", "d__month", "", "d__year", "2024"))).containsExactly("d:eform.error.dateIncomplete");
        assertThat(check.apply(Map.of("d__day", "1", "d__month", "2", "d__year", "24"))).containsExactly("d:eform.error.dateYear");
        assertThat(check.apply(Map.of("d__day", "", "d__month", "", "d__year", ""))).containsExactly("d:eform.error.required");
        assertThat(check.apply(Map.of("d__day", "29", "d__month", "2", "d__year", "2024"))).isEmpty();
    }

    /**
     * Every e-form: a field the page marks "(bắt buộc)" is refused empty by the server; one marked "(bắt buộc nếu khai
     * mục này)" is refused empty once its section is begun. Before, the father's fields in birth registration said
     * "bắt buộc" and an empty form passed them.
     */
    @Test
    void everyFieldMarkedRequiredIsEnforcedOnTheServer() throws Exception {
        var mapper = JsonMapper.builder().build();
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/eforms"))) {
            for (var file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode schema = mapper.readTree(java.nio.file.Files.readString(file));
                var rows = FormRenderer.rows(schema, Map.of(), List.of(), new java.util.HashMap<>());
                var empty = errors(schema, Map.of());
                for (var r : rows) {
                    if (r.kind() != FormRenderer.Kind.FIELD || !r.required()) {
                        continue;
                    }
                    if (!r.conditional()) {
                        assertThat(empty).as(file.getFileName() + ": " + r.path() + " is marked required")
                                .contains(r.path() + ":eform.error.required");
                    }
                }
                // Each optional section begun with one field: every other field marked required is asked for.
                for (JsonNode group : schema.path("fields")) {
                    if (!group.path("type").asString("").equals("group") || group.path("required").asBoolean(false)
                            || group.path("repeatable").asBoolean(false)) {
                        continue;
                    }
                    String section = group.get("name").asString();
                    JsonNode first = group.get("fields").get(0);
                    var data = new java.util.HashMap<String, Object>(Map.of(section,
                            Map.of(first.get("name").asString(), "x")));
                    var begun = errors(schema, data);
                    for (var r : rows) {
                        if (r.kind() == FormRenderer.Kind.FIELD && r.required() && r.path().startsWith(section + ".")
                                && !r.path().equals(section + "." + first.get("name").asString())) {
                            assertThat(r.conditional()).as(file.getFileName() + ": " + r.path() + " says 'nếu khai'").isTrue();
                            assertThat(begun).as(file.getFileName() + ": " + r.path() + " once " + section + " is begun")
                                    .contains(r.path() + ":eform.error.required");
                        }
                    }
                }
            }
        }
    }
}
