package vn.motcua.catalogue.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.motcua.catalogue.RequiredDocument;

/** A required document's short name on the procedure page: no list mark, to the first ';', at most ~110 characters. */
class DocumentShortNameTest {

    @Test
    void theLeadingListMarkGoesWhicheverMarkAndSpacing() {
        for (String mark : new String[]{"- ", "–", "• ", "*  ", "+\t"}) {
            assertThat(PortalCatalogueController.shortName("  " + mark + "Tờ khai đăng ký khai sinh"))
                    .isEqualTo("Tờ khai đăng ký khai sinh");
        }
        assertThat(PortalCatalogueController.shortName("Bản sao - có chứng thực")).isEqualTo("Bản sao - có chứng thực");
        assertThat(RequiredDocument.unmarked("-- Giấy tờ")).isEqualTo("- Giấy tờ");
    }

    @Test
    void theNameStopsAtTheFirstSemicolonAndLongNamesAreCutAtAWord() {
        assertThat(PortalCatalogueController.shortName("- Tờ khai; bản chính")).isEqualTo("Tờ khai");
        String longName = "Giấy ".repeat(30).strip();
        String cut = PortalCatalogueController.shortName(longName);
        assertThat(cut).endsWith(" …").hasSizeLessThanOrEqualTo(112);
        assertThat(longName).startsWith(cut.substring(0, cut.length() - 2));
    }
}
