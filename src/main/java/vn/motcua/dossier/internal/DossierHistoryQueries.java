package vn.motcua.dossier.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierHistory;

/** {@link DossierHistory} in SQL: an account's few dossiers (found by the (submitted_by, idempotency_key) index), one grouped count. */
@Component
class DossierHistoryQueries implements DossierHistory {

    private final JdbcClient jdbc;
    private final DossierStore store;

    DossierHistoryQueries(JdbcClient jdbc, DossierStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    @Override
    public Optional<Dossier> lastSubmittedBy(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("select " + DossierStore.COLUMNS + " from dossier where submitted_by = ? order by received_at desc, id limit 1")
                .param(username).query(store::map).optional();
    }

    @Override
    public Map<String, Long> countsByProcedure() {
        Map<String, Long> out = new HashMap<>();
        jdbc.sql("select procedure_code, count(*) from dossier group by procedure_code")
                .query((rs, i) -> out.put(rs.getString(1), rs.getLong(2))).list();
        return out;
    }
}
