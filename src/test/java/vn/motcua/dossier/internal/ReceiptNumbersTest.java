package vn.motcua.dossier.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Receipt numbers: short, unambiguous, checked, and read back whatever the case or grouping. */
class ReceiptNumbersTest {

    @Test
    void numbersAreTenCharactersOfTheUnambiguousAlphabetWithARightCheck() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String n = ReceiptNumbers.next();
            assertThat(n).hasSize(10).matches("[0-9A-HJKMNP-TV-Z]{10}");
            assertThat(ReceiptNumbers.valid(n)).isTrue();
            seen.add(n);
        }
        assertThat(seen).hasSize(10_000);
    }

    @RepeatedTest(20)
    void everySingleMistypedCharacterAndEverySwapOfNeighboursButZeroAndZIsCaught() {
        String n = ReceiptNumbers.next();
        for (int i = 0; i < n.length(); i++) {
            for (char c : ReceiptNumbers.ALPHABET.toCharArray()) {
                if (c != n.charAt(i)) {
                    String typo = n.substring(0, i) + c + n.substring(i + 1);
                    assertThat(ReceiptNumbers.valid(typo)).as(typo).isFalse();
                }
            }
            String pair = "" + n.charAt(i) + (i + 1 < n.length() ? n.charAt(i + 1) : ' ');
            if (i + 1 < n.length() && n.charAt(i) != n.charAt(i + 1) && !pair.equals("0Z") && !pair.equals("Z0")) {
                String swapped = n.substring(0, i) + n.charAt(i + 1) + n.charAt(i) + n.substring(i + 2);
                assertThat(ReceiptNumbers.valid(swapped)).as(swapped).isFalse();
            }
        }
    }

    @Test
    void whatPeopleTypeIsReadBack() {
        String n = "7KQ4M2XD9" + ReceiptNumbers.check("7KQ4M2XD9");
        assertThat(ReceiptNumbers.parse(n.toLowerCase())).contains(n);
        assertThat(ReceiptNumbers.parse(" " + ReceiptNumbers.display(n).toLowerCase() + " ")).contains(n);
        assertThat(ReceiptNumbers.parse(n.substring(0, 5) + "-" + n.substring(5))).contains(n);
        String withZero = "10ABC0DEF" + ReceiptNumbers.check("10ABC0DEF");
        assertThat(ReceiptNumbers.parse(withZero.replace('0', 'o').replace('1', 'l'))).contains(withZero);
        assertThat(ReceiptNumbers.parse("UBND-26740-251125-0001")).isEmpty();
        assertThat(ReceiptNumbers.parse(null)).isEmpty();
        assertThat(ReceiptNumbers.parse("")).isEmpty();
    }
}
