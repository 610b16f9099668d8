package vn.motcua.catalogue;

/** One step of a version's internal process, with the role that performs it and its time quota. */
public record ProcessStep(int order, String code, String name, String role, ProcessingTime quota) {
}
