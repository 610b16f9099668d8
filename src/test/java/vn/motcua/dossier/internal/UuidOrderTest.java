package vn.motcua.dossier.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.support.IntegrationTest;

/** The journal is written in primary-key order: Java must order uuids as PostgreSQL does (unsigned bytes). */
@IntegrationTest
class UuidOrderTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void javaOrdersUuidsLikePostgresql() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            ids.add(UUID.randomUUID());
        }
        // Both halves of the signed range, and the edges.
        ids.add(new UUID(Long.MIN_VALUE, 0));
        ids.add(new UUID(Long.MAX_VALUE, -1));
        ids.add(new UUID(-1, -1));
        ids.add(new UUID(0, 0));
        ids.add(new UUID(0x7fffffffffffffffL, Long.MIN_VALUE));
        List<UUID> java = new ArrayList<>(ids);
        java.sort(DossierTransferService.PG_UUID_ORDER);
        List<UUID> pg = jdbc.query(c -> {
            var ps = c.prepareStatement("select u from unnest(?::uuid[]) u order by u");
            ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            return ps;
        }, (rs, n) -> rs.getObject(1, UUID.class));
        assertThat(java).containsExactlyElementsOf(pg);
        List<UUID> signed = new ArrayList<>(ids);
        signed.sort(UUID::compareTo);
        assertThat(signed).as("UUID.compareTo is not PostgreSQL's order").isNotEqualTo(pg);
    }
}
