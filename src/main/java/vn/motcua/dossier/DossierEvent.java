package vn.motcua.dossier;

import java.time.Instant;
import java.util.Map;

/** One entry of a dossier's append-only history, with the actor as they were at that moment. */
public record DossierEvent(int seq, Instant at, String type, DossierState from, DossierState to, String actor,
                           String actorName, String actorAgency, String actorPost, String reason,
                           Map<String, Object> data) {
}
