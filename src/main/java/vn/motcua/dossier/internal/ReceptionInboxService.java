package vn.motcua.dossier.internal;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import vn.motcua.dossier.ReceptionInbox;

@Service
class ReceptionInboxService implements ReceptionInbox {

    private final Officers officers;
    private final DossierQueries queries;
    private final Clock clock;

    ReceptionInboxService(Officers officers, DossierQueries queries, Clock clock) {
        this.officers = officers;
        this.queries = queries;
        this.clock = clock;
    }

    @Override
    public Summary summary(String username) {
        List<String> agencies = officers.receptionAgencies(username);
        var counts = queries.counts(agencies, clock.instant());
        return new Summary(agencies, counts.awaitingReception(), counts.overdueReception(), counts.supplementRequested());
    }
}
