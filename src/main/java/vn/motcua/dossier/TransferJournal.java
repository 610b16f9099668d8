package vn.motcua.dossier;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

/**
 * Where a reorganisation's transfers took the dossiers of some agencies (the journal {@code dossier_transfer}), for
 * modules that apportion an old unit's figures between its successors (reporting). A Spring bean; counts only.
 */
public interface TransferJournal {

    /**
     * Dossiers moved out of {@code fromAgencies} by reorganisations effective on {@code effective} (Hồ Chí Minh City
     * date), per destination agency code.
     */
    Map<String, Long> destinations(Collection<String> fromAgencies, LocalDate effective);
}
