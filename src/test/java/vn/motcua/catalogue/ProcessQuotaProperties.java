package vn.motcua.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import vn.motcua.catalogue.imports.ProcessTemplate;
import vn.motcua.catalogue.internal.Fold;

class ProcessQuotaProperties {

    @Property
    void defaultQuotasAddUpToTheProcessingTime(@ForAll @IntRange(min = 0, max = 2000) int amount,
                                               @ForAll ProcessingTime.Unit unit) {
        ProcessingTime total = new ProcessingTime(amount, unit);
        var steps = ProcessTemplate.defaultProcess(total);
        assertThat(steps).hasSize(4);
        assertThat(ProcessTemplate.totalHours(steps)).isEqualTo(total.inWorkingHours());
        assertThat(steps).allSatisfy(s -> assertThat(s.quota().amount()).isNotNegative());
    }

    @Property
    void foldingKeepsLengthAndIsIdempotent(@ForAll String s) {
        assertThat(Fold.perChar(s)).hasSameSizeAs(s);
        assertThat(Fold.fold(Fold.fold(s))).isEqualTo(Fold.fold(s));
    }

    @Property
    void foldingIgnoresDiacriticsAndCase(@ForAll("vietnamese") String s) {
        assertThat(Fold.fold(s)).matches("[a-z0-9 ]*");
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> vietnamese() {
        return net.jqwik.api.Arbitraries.strings().withChars("aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậĐĂÂÊÔƠƯỳỷỹýỵ ")
                .ofMaxLength(40);
    }
}
