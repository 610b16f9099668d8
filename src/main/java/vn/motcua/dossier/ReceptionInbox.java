package vn.motcua.dossier;

import java.util.List;

/** What waits for an officer at reception, for the workbench home page. */
public interface ReceptionInbox {

    Summary summary(String username);

    /**
     * @param agencies codes of the agencies where the officer holds a reception post today
     */
    record Summary(List<String> agencies, long awaitingReception, long overdueReception, long supplementRequested) {
        public boolean isEmpty() {
            return awaitingReception == 0 && supplementRequested == 0;
        }
    }
}
