package vn.motcua.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a blind index sees of a value: NFC, lower case, without the spaces, dots and hyphens typed in numbers. */
class IndexKeyNormaliseTest {

    @Test
    void separatorsAndCaseAreLeftOutAndNothingElse() {
        assertThat(IndexKey.normalise("079 190.012-345")).isEqualTo("079190012345");
        assertThat(IndexKey.normalise("079\t190\n012345")).isEqualTo("079190012345");
        assertThat(IndexKey.normalise("AB-12_3/4")).isEqualTo("ab12_3/4");
        // decomposed "ê" (e + U+0302) and the composed one index alike
        assertThat(IndexKey.normalise("Le\u0302")).isEqualTo(IndexKey.normalise("Lê")).isEqualTo("lê");
    }
}
