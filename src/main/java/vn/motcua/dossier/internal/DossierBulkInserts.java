package vn.motcua.dossier.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.dossier.DossierBulk;
import vn.motcua.dossier.DossierState;

import static vn.motcua.dossier.internal.CustodyLedgerStore.esc;

/** {@link DossierBulk}: dossiers and their first events written with COPY (fixtures, benches, imports). */
@Service
class DossierBulkInserts implements DossierBulk {

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate tx;

    DossierBulkInserts(JdbcTemplate jdbc, DataSource dataSource, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.tx = tx;
    }

    @Override
    public int insert(List<NewDossier> dossiers) {
        if (dossiers.isEmpty()) {
            return 0;
        }
        Integer n = tx.execute(s -> {
            Connection c = DataSourceUtils.getConnection(dataSource);
            try {
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                StringBuilder buf = new StringBuilder(1 << 20);
                List<String> cols = List.of("id", "code", "procedure_code", "procedure_name", "channel", "state",
                        "applicant_kind", "applicant_name", "applicant_phone", "applicant_email", "address_unit_code",
                        "address_line", "reception_point", "agency_code", "agency_name", "submitted_by", "received_at",
                        "count_from", "accepted_at", "due_at");
                String sql = "copy dossier (" + String.join(", ", cols) + ") from stdin";
                for (NewDossier d : dossiers) {
                    String rec = d.receivedAt().toString();
                    boolean accepted = d.state() == DossierState.ACCEPTED;
                    List<String> v = new ArrayList<>(List.of(d.id().toString(), esc(d.code()), esc(d.procedureCode()),
                            esc(d.procedureName()), "COUNTER", d.state().name(), "PERSON", esc(d.applicantName()),
                            esc(d.applicantPhone()), esc(d.applicantEmail()), esc(d.addressUnitCode()), esc(d.addressLine()),
                            esc(d.agencyCode()), esc(d.agencyCode()), esc(d.agencyName()), "bulk", rec,
                            accepted ? rec : "\\N", accepted ? rec : "\\N", d.dueAt() == null ? "\\N" : d.dueAt().toString()));
                    buf.append(String.join("\t", v)).append('\n');
                    if (buf.length() > (1 << 20)) {
                        copy.copyIn(sql, new StringReader(buf.toString()));
                        buf.setLength(0);
                    }
                }
                if (!buf.isEmpty()) {
                    copy.copyIn(sql, new StringReader(buf.toString()));
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                DataSourceUtils.releaseConnection(c, dataSource);
            }
            UUID[] ids = dossiers.stream().map(NewDossier::id).toArray(UUID[]::new);
            jdbc.update(con -> {
                var ps = con.prepareStatement("""
                        insert into dossier_event (dossier_id, seq, at, type, state_from, state_to, actor, actor_agency)
                        select d.id, 1, d.received_at, 'SUBMITTED', null, 'SUBMITTED', 'bulk', d.agency_code
                        from dossier d where d.id = any (?)
                        union all
                        select d.id, 2, d.received_at, 'ACCEPTED', 'SUBMITTED', 'ACCEPTED', 'bulk', d.agency_code
                        from dossier d where d.id = any (?) and d.state = 'ACCEPTED'
                        """);
                ps.setArray(1, con.createArrayOf("uuid", ids));
                ps.setArray(2, con.createArrayOf("uuid", ids));
                return ps;
            });
            return dossiers.size();
        });
        jdbc.execute("analyze dossier");
        return n == null ? 0 : n;
    }
}
