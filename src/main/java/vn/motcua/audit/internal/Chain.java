package vn.motcua.audit.internal;

import java.util.List;

/**
 * A chained table, read by name: its insertion number (which orders the chain), what names a row for people, its
 * day (the row's own time in Vietnam), and the canonical content its digest covers. The digest is computed by
 * PostgreSQL, {@code sha256} over the columns quoted with {@code quote_nullable} (so NULL, '' and 'NULL' differ) and
 * joined with commas, timestamps as microseconds since the epoch; the sealer and the verifier use the same
 * expression, so only 32 bytes a row travel to the application.
 */
record Chain(String name, String number, String id, String seq, String at, List<String> content) {

    static final Chain DOSSIER_EVENT = new Chain("dossier_event", "audit_no", "dossier_id::text", "seq", "at",
            List.of("dossier_id::text", "seq::text", "$at", "type", "state_from", "state_to", "actor", "actor_name",
                    "actor_agency", "actor_post", "reason", "data::text"));

    static final Chain ACCESS_LOG = new Chain("access_log", "id", "id::text", null, "at",
            List.of("id::text", "$at", "dossier_id::text", "who", "who_name", "agency", "post", "what", "purpose"));

    static final List<Chain> ALL = List.of(DOSSIER_EVENT, ACCESS_LOG);

    /** The table is the chain's name. */
    String table() {
        return name;
    }

    /** SHA-256 of the canonical content of the row aliased {@code t}. */
    String digest() {
        StringBuilder s = new StringBuilder("sha256(convert_to(concat_ws(','");
        for (String c : content) {
            String expr = c.equals("$at") ? "((extract(epoch from t." + at + ") * 1000000)::bigint)::text" : "t." + c;
            s.append(", quote_nullable(").append(expr).append(')');
        }
        return s.append("), 'UTF8'))").toString();
    }

    String day() {
        return "(t." + at + " at time zone 'Asia/Ho_Chi_Minh')::date";
    }

    String seqExpr() {
        return seq == null ? "null::int" : "t." + seq;
    }
}
