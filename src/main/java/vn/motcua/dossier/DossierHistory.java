package vn.motcua.dossier;

import java.util.Map;
import java.util.Optional;

/**
 * Read-only facts about past dossiers for other modules: a citizen's last dossier (what the assistant pre-fills a new
 * form from) and how many dossiers each procedure has received (the assistant's popularity prior).
 */
public interface DossierHistory {

    /** The dossier this account submitted last (any state), or empty. */
    Optional<Dossier> lastSubmittedBy(String username);

    /** Procedure code → number of dossiers received for it, all time; empty when there are none. */
    Map<String, Long> countsByProcedure();
}
