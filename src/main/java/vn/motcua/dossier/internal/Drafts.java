package vn.motcua.dossier.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A citizen's saved, unsubmitted forms ("lưu nháp"), so a long form can be finished later. */
@Component
public class Drafts {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    /** The typed values (an e-form's facts) are encrypted at rest; nothing looks inside them in SQL. */
    private final vn.motcua.privacy.Vault vault;
    static final String VALUES = "dossier_draft.field_values";

    Drafts(JdbcClient jdbc, JsonMapper json, Clock clock, vn.motcua.privacy.Vault vault) {
        this.vault = vault;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    public record Draft(UUID id, String procedureCode, Map<String, String> values, Map<String, Integer> counts,
                        Instant updatedAt) {
    }

    /** Saves (creating or replacing the given draft of this user); returns its id. */
    public UUID save(String username, UUID id, String procedureCode, Map<String, String> values,
                     Map<String, Integer> counts) {
        UUID draftId = id == null ? UUID.randomUUID() : id;
        int updated = jdbc.sql("""
                        update dossier_draft set field_values = :v, group_counts = :c::jsonb, updated_at = :at
                        where id = :id and username = :u
                        """)
                .param("v", vault.sealText(json.writeValueAsString(values), VALUES)).param("c", json.writeValueAsString(counts))
                .param("at", Timestamp.from(clock.instant())).param("id", draftId).param("u", username).update();
        if (updated == 0) {
            draftId = id == null ? draftId : UUID.randomUUID();
            jdbc.sql("""
                            insert into dossier_draft(id, username, procedure_code, field_values, group_counts, updated_at)
                            values (:id, :u, :p, :v, :c::jsonb, :at)
                            """)
                    .param("id", draftId).param("u", username).param("p", procedureCode)
                    .param("v", vault.sealText(json.writeValueAsString(values), VALUES)).param("c", json.writeValueAsString(counts))
                    .param("at", Timestamp.from(clock.instant())).update();
        }
        return draftId;
    }

    public Optional<Draft> find(String username, UUID id) {
        return jdbc.sql("select id, procedure_code, field_values, group_counts::text, updated_at from dossier_draft where id = ? and username = ?")
                .params(id, username).query((rs, n) -> map(rs)).optional();
    }

    public List<Draft> of(String username) {
        return jdbc.sql("select id, procedure_code, field_values, group_counts::text, updated_at from dossier_draft where username = ? order by updated_at desc")
                .param(username).query((rs, n) -> map(rs)).list();
    }

    public void delete(String username, UUID id) {
        jdbc.sql("delete from dossier_draft where id = ? and username = ?").params(id, username).update();
    }

    private Draft map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Draft(rs.getObject(1, UUID.class), rs.getString(2),
                json.readValue(vault.openText(rs.getBytes(3), VALUES), new TypeReference<Map<String, String>>() {
                }), json.readValue(rs.getString(4), new TypeReference<Map<String, Integer>>() {
                }), rs.getTimestamp(5).toInstant());
    }
}
