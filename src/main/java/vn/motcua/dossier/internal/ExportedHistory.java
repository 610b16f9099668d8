package vn.motcua.dossier.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.dossier.DossierEvent;
import vn.motcua.privacy.ExportedRows;

/**
 * The citizen's export of {@code dossier_event} (privacy's port {@link ExportedRows}): the history of each dossier the
 * account submitted as its timeline reads it ({@link DossierStore#events}), so a transfer read from a reorganisation's
 * journal is exported as its event was, with the number the timeline gives it. Oldest first over all the dossiers.
 */
@Component
class ExportedHistory implements ExportedRows {

    /** The register's columns of {@code dossier_event}, as the timeline's entry carries them. */
    private static final Map<String, Function<Entry, Object>> COLUMNS = Map.ofEntries(
            Map.entry("dossier_id", e -> e.dossierId().toString()),
            Map.entry("seq", e -> e.event().seq()),
            Map.entry("at", e -> e.event().at().toString()),
            Map.entry("type", e -> e.event().type()),
            Map.entry("state_from", e -> e.event().from() == null ? null : e.event().from().name()),
            Map.entry("state_to", e -> e.event().to().name()),
            Map.entry("actor", e -> e.event().actor()),
            Map.entry("actor_name", e -> e.event().actorName()),
            Map.entry("actor_agency", e -> e.event().actorAgency()),
            Map.entry("actor_post", e -> e.event().actorPost()),
            Map.entry("reason", e -> e.event().reason()),
            Map.entry("data", e -> e.event().data()));

    private record Entry(UUID dossierId, DossierEvent event) {
    }

    private final JdbcClient jdbc;
    private final DossierStore store;
    private final JsonMapper json;

    ExportedHistory(JdbcClient jdbc, DossierStore store, JsonMapper json) {
        this.jdbc = jdbc;
        this.store = store;
        this.json = json;
    }

    @Override
    public String table() {
        return "dossier_event";
    }

    @Override
    public String rowsOf(String account, List<String> columns) {
        for (String c : columns) {
            if (!COLUMNS.containsKey(c)) {
                throw new IllegalArgumentException("dossier_event." + c + " is registered but not exported by "
                        + ExportedHistory.class.getSimpleName());
            }
        }
        List<Entry> entries = new ArrayList<>();
        for (UUID id : jdbc.sql("select id from dossier where submitted_by = ? order by received_at, id").param(account)
                .query(UUID.class).list()) {
            store.events(id).forEach(e -> entries.add(new Entry(id, e)));
        }
        entries.sort(Comparator.comparing(e -> e.event().at())); // stable: a dossier's entries keep the timeline's order
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Entry e : entries) {
            Map<String, Object> row = new LinkedHashMap<>();
            columns.forEach(c -> row.put(c, COLUMNS.get(c).apply(e)));
            rows.add(row);
        }
        return json.writeValueAsString(rows);
    }
}
