package vn.motcua.privacy.internal;

import java.time.Clock;
import java.util.regex.Pattern;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.motcua.privacy.ExportedRows;

/**
 * A citizen's own data, as JSON: for every table of the register with a subject condition, its context and personal
 * columns (file contents as metadata only) of the rows that belong to the citizen's account. Built from the register,
 * so a column registered is a column exported. A table whose owning module serves its rows ({@link ExportedRows}: the
 * dossier's history, journal transfers included) is read through it, the register's columns asked for.
 */
@Component
public class DataExport {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Register register;
    private final Clock clock;
    private final KeyRing keys;
    /** Absent in a slice of this module without the owners. */
    private final ObjectProvider<ExportedRows> owners;

    DataExport(JdbcClient jdbc, JsonMapper json, Clock clock, KeyRing keys, ObjectProvider<ExportedRows> owners) {
        this.keys = keys;
        this.owners = owners;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.register = Register.load(json);
        for (var t : register.tables()) {
            t.exported().forEach(DataExport::identifier);
            identifier(t.table());
        }
    }

    public Register register() {
        return register;
    }

    public ObjectNode export(String username) {
        ObjectNode doc = json.createObjectNode();
        doc.put("subject", username);
        doc.put("generatedAt", clock.instant().toString());
        doc.put("legalBasis", "Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15, Điều 14 (quyền được truy cập, nhận bản sao dữ liệu); "
                + "Nghị định 356/2025/NĐ-CP");
        java.util.Map<String, ExportedRows> served = new java.util.HashMap<>();
        owners.orderedStream().forEach(o -> served.put(o.table(), o));
        for (var t : register.tables()) {
            if (t.subject() == null) {
                continue;
            }
            ExportedRows owner = served.get(t.table());
            if (owner != null) {
                doc.set(t.exportAs() != null ? t.exportAs() : t.table(),
                        decrypted(t, json.readTree(owner.rowsOf(username, t.exported()))));
                continue;
            }
            String order = t.orderBy() == null ? "" : " order by " + identifier(t.orderBy());
            String sql = "select coalesce(jsonb_agg(to_jsonb(x)" + order.replace("order by ", "order by x.")
                    + "), '[]'::jsonb)::text from (select " + String.join(", ", t.exported()) + " from " + t.table()
                    + " where " + t.subject() + ") x";
            String rows = jdbc.sql(sql).param("user", username).query(String.class).single();
            doc.set(t.exportAs() != null ? t.exportAs() : t.table(), decrypted(t, json.readTree(rows)));
        }
        return doc;
    }

    /** Encrypted fields come out of to_jsonb as "\\x…" (bytea in hex): the citizen gets their text (or JSON). */
    private tools.jackson.databind.JsonNode decrypted(Register.Table t, tools.jackson.databind.JsonNode rows) {
        for (Register.Column c : t.columns()) {
            if (c.encrypted() == null || !c.exported()) {
                continue;
            }
            for (tools.jackson.databind.JsonNode row : rows) {
                tools.jackson.databind.JsonNode v = row.get(c.column());
                if (v != null && v.isString() && v.asString().startsWith("\\x")) {
                    byte[] stored = java.util.HexFormat.of().parseHex(v.asString().substring(2));
                    String plain = new String(keys.decrypt(stored, t.table() + "." + c.column()),
                            java.nio.charset.StandardCharsets.UTF_8);
                    if ("json".equals(c.encrypted())) {
                        ((ObjectNode) row).set(c.column(), json.readTree(plain));
                    } else {
                        ((ObjectNode) row).put(c.column(), plain);
                    }
                }
            }
        }
        return rows;
    }

    private static String identifier(String s) {
        if (!IDENTIFIER.matcher(s).matches()) {
            throw new IllegalStateException("Not a column or table name in the register: " + s);
        }
        return s;
    }
}
