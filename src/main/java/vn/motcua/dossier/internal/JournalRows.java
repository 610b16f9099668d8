package vn.motcua.dossier.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.postgresql.copy.CopyIn;
import vn.motcua.dossier.CustodyLedger.Move;

/**
 * The journal's rows in COPY text format. The agencies, names and rules repeat across the rows (a few hundred
 * distinct values for a million moves): each is escaped once. Sent as UTF-8 pieces of about 1 MB into one COPY.
 */
final class JournalRows {
    private final CopyIn copy;
    private final String order;
    private final String eff;
    private final StringBuilder buf = new StringBuilder(1 << 21);
    private final Map<String, String> escaped = new java.util.HashMap<>();

    JournalRows(CopyIn copy, UUID order, String eff) {
        this.copy = copy;
        this.order = order.toString();
        this.eff = eff;
    }

    /** One batch's rows, sorted by dossier, appended to the buffer (sent in pieces of about 1 MB). */
    void write(long batchNo, List<Move> batch) throws java.sql.SQLException {
        batch.sort(java.util.Comparator.comparing(Move::dossierId, CustodyLedgerStore.UUID_ORDER));
        for (Move t : batch) {
            buf.append(order).append('\t').append(batchNo).append('\t').append(t.dossierId())
                    .append('\t').append(esc(t.fromAgency())).append('\t').append(esc(t.toAgency()))
                    .append('\t').append(esc(t.toAgencyName())).append('\t').append(esc(t.basis()))
                    .append('\t').append(eff).append('\t')
                    .append(t.newDueAt() == null ? "\\N" : t.newDueAt().toString()).append('\t')
                    .append(t.heldSinceEffective() ? 't' : 'f').append('\n');
            if (buf.length() > (1 << 20)) {
                flush();
            }
        }
    }

    private String esc(String s) {
        return s == null ? "\\N" : escaped.computeIfAbsent(s, CustodyLedgerStore::esc);
    }

    void flush() throws java.sql.SQLException {
        if (!buf.isEmpty()) {
            byte[] b = buf.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            copy.writeToCopy(b, 0, b.length);
            buf.setLength(0);
        }
    }
}
