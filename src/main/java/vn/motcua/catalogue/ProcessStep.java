package vn.motcua.catalogue;

import vn.motcua.calendar.ProcessingTime;
import vn.motcua.territory.PostRole;

/** One step of a version's internal process, with the post role that performs it and its time quota. */
public record ProcessStep(int order, String code, String name, PostRole role, ProcessingTime quota) {
}
