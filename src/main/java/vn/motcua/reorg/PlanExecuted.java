package vn.motcua.reorg;

import java.util.UUID;

/**
 * Published once per plan, in the transaction that marks it executed (every batch of dossiers moved): the moves are the
 * dossier module's {@code CustodyLedger} moves of order {@code planId}. Through the event publication registry, a
 * listener that did not finish (a crash, a restart) is called again; listeners must be idempotent.
 *
 * @param notifyApplicants whether the plan asked for the applicants of the moved dossiers to be told
 */
public record PlanExecuted(UUID planId, boolean notifyApplicants) {
}
