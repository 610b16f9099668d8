package vn.motcua.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The register says which columns are encrypted; the background job (re-encryption after a rotation, encryption of
 * values written before) must cover exactly those, with the blind index the register names; and every sensitive
 * column is either encrypted or says why it is not.
 */
class EncryptedColumnsTest {

    final Register register = Register.load(JsonMapper.builder().build());

    @Test
    void theJobCoversExactlyTheRegisteredEncryptedColumns() {
        Set<String> registered = new TreeSet<>();
        Set<String> indexes = new TreeSet<>();
        for (Register.Table t : register.tables()) {
            for (Register.Column c : t.columns()) {
                if (c.isEncrypted()) {
                    registered.add(t.table() + "." + c.column());
                    if (c.blindIndex() != null && c.blindIndex().contains(".")) {
                        // an index in a table of its own (the form's subject): written by the owning module, which
                        // the job tells when it encrypts an old value (SealingHook); the table must be registered
                        String[] at = c.blindIndex().split("\\.");
                        assertThat(register.tables().stream().filter(x -> x.table().equals(at[0]))
                                .flatMap(x -> x.columns().stream()).map(Register.Column::column))
                                .as(c.blindIndex()).contains(at[1]);
                    } else if (c.blindIndex() != null) {
                        indexes.add(t.table() + "." + c.column() + " -> " + c.blindIndex());
                    }
                }
            }
        }
        Set<String> job = new TreeSet<>();
        Set<String> jobIndexes = new TreeSet<>();
        for (Rotation.Column c : Rotation.COLUMNS) {
            job.add(c.name());
            if (c.index() != null) {
                jobIndexes.add(c.name() + " -> " + c.index());
            }
        }
        assertThat(job).isEqualTo(registered);
        assertThat(jobIndexes).isEqualTo(indexes).isNotEmpty();
    }

    @Test
    void onlyThePlainEmptyFormIsLeftUnencryptedNotTheSameBytesInAnotherColumn() {
        for (Rotation.Column c : Rotation.COLUMNS) {
            String pending = Rotation.pending(c, java.util.List.of());
            assertThat(pending.contains("x7b7d")).as(c.name()).isEqualTo(c.name().equals("dossier.form_data"));
        }
    }

    @Test
    void everySensitiveColumnIsEncryptedOrSaysWhyNot() {
        for (Register.Table t : register.tables()) {
            for (Register.Column c : t.columns()) {
                if (c.category().equals("sensitive")) {
                    assertThat(c.isEncrypted() || (c.clear() != null && !c.clear().isBlank()))
                            .as(t.table() + "." + c.column()).isTrue();
                }
                assertThat(c.isEncrypted() && c.clear() != null).as(t.table() + "." + c.column()).isFalse();
                if (c.encrypted() != null) {
                    assertThat(c.encrypted()).isIn("text", "json");
                }
            }
        }
    }
}
