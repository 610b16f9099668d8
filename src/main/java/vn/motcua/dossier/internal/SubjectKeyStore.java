package vn.motcua.dossier.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.dossier.DossierState;
import vn.motcua.dossier.DossierSubjects;
import vn.motcua.dossier.spi.SubjectKeys;
import vn.motcua.privacy.SealingHook;
import vn.motcua.privacy.Vault;

/**
 * The blind indexes of a form's subject ({@code dossier_subject_key}, V40_30): the form is encrypted at rest, so the
 * appraisal's "the same child already registered" compares these instead of values inside the JSON. A key is the
 * Vault's blind index (HMAC-SHA256 under the index key, which never rotates) of the subject's values, the procedure
 * and the kind bound in. Written with the dossier ({@link DossierStore#insertIfNew}, same statement), again when a
 * supplement corrects the form, and for forms stored before encryption when the background job encrypts them
 * ({@link SealingHook}).
 */
@Repository
class SubjectKeyStore implements DossierSubjects, SealingHook {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final Vault vault;
    private final JsonMapper json;
    private final ObjectProvider<SubjectKeys> subjects;

    SubjectKeyStore(JdbcClient jdbc, Vault vault, JsonMapper json, ObjectProvider<SubjectKeys> subjects) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.json = json;
        this.subjects = subjects;
    }

    /** Resolved once: asking the bean factory on every submission cost more than computing the keys. */
    private volatile java.util.Optional<SubjectKeys> resolved;

    private SubjectKeys subjectKeys() {
        java.util.Optional<SubjectKeys> r = resolved;
        if (r == null) {
            r = java.util.Optional.ofNullable(subjects.getIfAvailable());
            resolved = r;
        }
        return r.orElse(null);
    }

    record Key(String kind, byte[] key) {
    }

    /** The keys of this form's subject (none when no module says what the subject is). */
    List<Key> keys(String procedureCode, Map<String, Object> form) {
        SubjectKeys s = subjectKeys();
        if (s == null || form == null || form.isEmpty()) {
            return List.of();
        }
        List<Key> out = new ArrayList<>();
        s.subject(procedureCode, form).forEach((kind, values) -> {
            byte[] k = vault.blindIndex(values, "dossier_subject/" + procedureCode + "/" + kind);
            if (k != null) {
                out.add(new Key(kind, k));
            }
        });
        return out;
    }

    /**
     * The statement that inserts {@code n} keys for the dossier the CTE {@code ins} returned (nothing when it returned
     * none), parameters {@code :sk<i>} (kind) and {@code :sv<i>} (key).
     */
    static String insertFromCte(int n) {
        StringBuilder sql = new StringBuilder("insert into dossier_subject_key(dossier_id, kind, key) ");
        for (int i = 0; i < n; i++) {
            sql.append(i == 0 ? "" : " union all ").append("select id, :sk").append(i).append(", :sv").append(i)
                    .append(" from ins");
        }
        return sql.toString();
    }

    /** After the form changed: the keys it now has, the others gone. */
    void replace(UUID dossierId, String procedureCode, Map<String, Object> form) {
        List<Key> keys = keys(procedureCode, form);
        for (Key k : keys) {
            jdbc.sql("""
                            insert into dossier_subject_key(dossier_id, kind, key) values (?, ?, ?)
                            on conflict (dossier_id, kind) do update set key = excluded.key""")
                    .params(dossierId, k.kind(), k.key()).update();
        }
        jdbc.sql("delete from dossier_subject_key where dossier_id = ? and kind <> all(?)")
                .params(dossierId, keys.stream().map(Key::kind).toArray(String[]::new)).update();
    }

    @Override
    public List<Match> sameSubject(UUID dossierId, int limit) {
        return jdbc.sql("""
                        select distinct d.id, d.code, d.receipt_number, d.state, d.received_at
                        from dossier_subject_key mine
                        join dossier_subject_key k on k.key = mine.key and k.kind = mine.kind and k.dossier_id <> mine.dossier_id
                        join dossier d on d.id = k.dossier_id
                        where mine.dossier_id = ? and d.state not in ('DRAFT','REFUSED','STOPPED')
                        order by d.received_at desc limit ?""")
                .params(dossierId, limit)
                .query((rs, n) -> new Match(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        DossierState.valueOf(rs.getString(4)), instant(rs.getTimestamp(5))))
                .list();
    }

    private static java.time.Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    @Override
    public String column() {
        return DossierStore.FORM_DATA;
    }

    /** A form stored before encryption, being encrypted by the background job: its subject is indexed now. */
    @Override
    public void sealingPlain(Object key, byte[] plain) {
        UUID id = (UUID) key;
        String procedure = jdbc.sql("select procedure_code from dossier where id = ?").param(id).query(String.class)
                .optional().orElse(null);
        if (procedure != null) {
            replace(id, procedure, json.readValue(new String(plain, StandardCharsets.UTF_8), MAP));
        }
    }
}
