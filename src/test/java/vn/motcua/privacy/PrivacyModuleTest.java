package vn.motcua.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import vn.motcua.support.ModuleSlice;

/**
 * The privacy module alone (with platform): the access log records who opened a dossier's data and refuses to be
 * changed; the vault encrypts bytes bound to their column.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("test")
class PrivacyModuleTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    AccessLog log;
    @Autowired
    Vault vault;
    @Autowired
    JdbcClient jdbc;

    @Test
    void onlyPrivacyAndWhatItUsesAreBooted() {
        // calendar: the data subject requests' due dates in working days; audit: retention re-seals the history
        assertThat(ModuleSlice.modulesIn(context)).containsExactlyInAnyOrder("audit", "calendar", "platform", "privacy");
    }

    @Test
    void everyViewIsLoggedAndTheLogCannotBeRewritten() {
        UUID dossier = UUID.randomUUID();
        log.viewed(dossier, new AccessLog.Viewer("chuyenvien", "Lê Văn Cường", "UBND-26740", "UBND-26740-HT"), "DOSSIER",
                "GET /workbench/processing/{id}");
        log.viewed(dossier, new AccessLog.Viewer("lanhdao", "Phạm Thị Dung", "UBND-26740", "UBND-26740-LD"), "SLIP",
                "GET /api/v1/dossiers/{id}/slips/01.pdf");
        var entries = log.ofDossier(dossier);
        assertThat(entries).extracting(AccessLog.Entry::username).containsExactly("lanhdao", "chuyenvien"); // newest first
        assertThat(entries).extracting(AccessLog.Entry::who).containsExactly("Phạm Thị Dung", "Lê Văn Cường");
        assertThat(log.search("chuyenvien", dossier, null, null, 10)).singleElement()
                .satisfies(e -> assertThat(e.what()).isEqualTo("DOSSIER"));
        assertThat(log.ofDossier(UUID.randomUUID())).isEmpty();
        // Append-only: the table's trigger refuses changes, whoever asks.
        assertThatThrownBy(() -> jdbc.sql("update access_log set who = 'x' where dossier_id = ?").param(dossier).update())
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from access_log where dossier_id = ?").param(dossier).update())
                .hasStackTraceContaining("append-only");
        assertThat(log.ofDossier(dossier)).hasSize(2);
    }

    @Test
    void sealedBytesOpenOnlyInTheirColumn() {
        byte[] plain = "Số định danh 079123456789".getBytes(StandardCharsets.UTF_8);
        byte[] sealed = vault.seal(plain, "dossier_attachment.content");
        assertThat(Vault.sealed(sealed)).isTrue();
        assertThat(sealed).isNotEqualTo(plain);
        assertThat(vault.open(sealed, "dossier_attachment.content")).isEqualTo(plain);
        assertThatThrownBy(() -> vault.open(sealed, "dossier_result.content")).isInstanceOf(RuntimeException.class);
        // Bytes written before encryption existed come back as they are; null stays null.
        assertThat(vault.open(plain, "dossier_attachment.content")).isEqualTo(plain);
        assertThat(vault.seal(null, "dossier_attachment.content")).isNull();
    }
}
