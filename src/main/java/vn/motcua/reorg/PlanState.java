package vn.motcua.reorg;

/** Life cycle of a reorganisation plan. */
public enum PlanState {
    DRAFT, VALIDATED, DRY_RUN_DONE, EXECUTING, EXECUTED, RECONCILED
}
