package vn.motcua.catalogue.eforms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.catalogue.EFormPages.ReadRow;

/** The text shapes the form's renderer and reader recognise: element ids, a date's three boxes, posted keys, ISO dates. */
class FormTextShapesTest {

    @Test
    void elementIdsReplaceEveryRunOfOtherCharactersWithOneHyphen() {
        assertThat(FormRenderer.id("children[0].birthDate")).isEqualTo("f-children-0-birthDate");
        assertThat(FormRenderer.id("a..b__c")).isEqualTo("f-a-b-c");
        assertThat(FormRenderer.id("tên")).isEqualTo("f-t-n");
    }

    @Test
    void threeBoxesOfDigitsBecomeAnIsoDateAndAnythingElseStaysAsTyped() {
        assertThat(FormRenderer.joinDates(Map.of("d__day", "5", "d__month", "3", "d__year", "2007")))
                .containsEntry("d", "2007-03-05");
        assertThat(FormRenderer.joinDates(Map.of("d__day", "05", "d__month", "12", "d__year", "07")))
                .containsEntry("d", "07-12-05");
        assertThat(FormRenderer.joinDates(Map.of("d__day", "5", "d__month", "3x", "d__year", "2007")))
                .containsEntry("d", "2007-3x-5");
        assertThat(FormRenderer.joinDates(Map.of("d__day", "123", "d__month", "3", "d__year", "2007")))
                .containsEntry("d", "2007-3-123");
    }

    @Test
    void postedKeysOutsideTheFormsAlphabetAreNotNested() {
        Map<String, String> posted = new LinkedHashMap<>();
        posted.put("applicant.name", "An");
        posted.put("items[1].note", "x");
        posted.put("_csrf", "t");
        posted.put("bad key", "y");
        posted.put("tên", "z");
        Map<String, Object> nested = FormRenderer.nest(posted, new java.util.HashMap<>());
        assertThat(nested).containsOnlyKeys("applicant", "items");
        assertThat(nested.get("applicant")).isEqualTo(Map.of("name", "An"));
    }

    @Test
    void onlyAFullIsoDateIsShownDayFirst() {
        JsonNode schema = JsonMapper.builder().build().readTree("""
                {"fields": [{"name": "a", "label": "A", "type": "date"}, {"name": "b", "label": "B", "type": "date"},
                            {"name": "c", "label": "C", "type": "date"}]}""");
        List<ReadRow> rows = FormReader.rows(schema, Map.of("a", "2007-03-27", "b", "2007-3-27", "c", "27/03/2007x"));
        assertThat(rows).extracting(ReadRow::value).containsExactly("27/03/2007", "2007-3-27", "27/03/2007x");
    }
}
