package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.dossier.internal.Actor;
import vn.motcua.dossier.internal.DossierEventType;
import vn.motcua.dossier.internal.DossierStore;
import vn.motcua.support.Http;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.ReferenceData;

/**
 * The history has no foreign key to its dossier (V44_2: its check locked each dossier row again for every event);
 * the store writes an event only for a dossier that exists.
 */
@IntegrationTest
class HistoryIntegrityTest {

    @LocalServerPort
    int port;
    @Autowired
    ReferenceData referenceData;
    @Autowired
    DossierStore store;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anEventForADossierThatDoesNotExistIsRefusedAndNothingIsWritten() {
        UUID nobody = UUID.randomUUID();
        Actor actor = new Actor("tiepnhan", "Cán bộ tiếp nhận", null, null);
        assertThatThrownBy(() -> store.appendEvent(nobody, Instant.now(), DossierEventType.RATED, null, DossierState.SUBMITTED, actor,
                null, Map.of())).isInstanceOf(IllegalStateException.class).hasMessageContaining(nobody.toString());
        assertThat(jdbc.sql("select count(*) from dossier_event where dossier_id = ?").param(nobody)
                .query(Long.class).single()).isZero();
    }

    @Test
    void anEventForAnExistingDossierIsAppendedWithTheNextNumber() {
        referenceData.ensureAll();
        String id = DossierFixtures.acceptedThroughApi(new Http(port));
        UUID dossier = UUID.fromString(id);
        int before = jdbc.sql("select max(seq) from dossier_event where dossier_id = ?").param(dossier).query(Integer.class).single();
        store.appendEvent(dossier, Instant.now(), DossierEventType.RATED, DossierState.ACCEPTED, DossierState.ACCEPTED,
                new Actor("tiepnhan", "Cán bộ tiếp nhận", null, null), "ghi chú", Map.of());
        assertThat(store.events(dossier)).last().satisfies(e -> {
            assertThat(e.seq()).isEqualTo(before + 1);
            assertThat(e.type()).isEqualTo("RATED");
        });
    }
}
