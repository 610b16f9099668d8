package vn.motcua.dossier.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dossier codes {@code <agency code>-YYMMDD-NNNN} (Circular 01/2018 art. 19): NNNN is the agency's
 * sequence for the day. The counter row is incremented inside the caller's transaction, so numbers
 * are unique under concurrency and gap-free (a rolled-back acceptance releases its number).
 */
@Component
public class DossierCodes {

    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private final JdbcClient jdbc;

    DossierCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public String next(String agencyCode, LocalDate day) {
        int n = jdbc.sql("""
                        insert into dossier_sequence(agency_code, day, last_value) values (:a, :d, 1)
                        on conflict (agency_code, day) do update set last_value = dossier_sequence.last_value + 1
                        returning last_value
                        """)
                .param("a", agencyCode).param("d", day).query(Integer.class).single();
        return format(agencyCode, day, n);
    }

    public static String format(String agencyCode, LocalDate day, int sequence) {
        return agencyCode + "-" + YYMMDD.format(day) + "-" + (sequence < 10_000 ? String.format("%04d", sequence)
                : Integer.toString(sequence));
    }
}
