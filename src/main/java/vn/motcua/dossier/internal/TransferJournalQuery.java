package vn.motcua.dossier.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.dossier.TransferJournal;

/** The transfer journal's destinations, one query. */
@Component
class TransferJournalQuery implements TransferJournal {

    private final JdbcClient jdbc;

    TransferJournalQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Long> destinations(Collection<String> fromAgencies, LocalDate effective) {
        Map<String, Long> out = new LinkedHashMap<>();
        if (fromAgencies.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                select to_agency, count(*) from dossier_transfer_now
                where from_agency in (:from) and (effective at time zone 'Asia/Ho_Chi_Minh')::date = :effective
                group by to_agency order by to_agency
                """).param("from", fromAgencies).param("effective", effective)
                .query((rs, i) -> out.put(rs.getString(1), rs.getLong(2))).list();
        return out;
    }
}
