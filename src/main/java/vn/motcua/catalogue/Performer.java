package vn.motcua.catalogue;

import vn.motcua.territory.AgencyKind;
import vn.motcua.territory.AgencyLevel;

/**
 * Which kind of body performs a procedure version, parsed from the published "cơ quan thực hiện":
 * e.g. "Ủy ban nhân dân cấp xã" = COMMUNE / PEOPLES_COMMITTEE, "Sở Tư pháp" = PROVINCE / DEPARTMENT /
 * TU_PHAP. {@code kind} is null for central bodies (Cục, Bộ) that no territory agency stands for.
 */
public record Performer(AgencyLevel level, AgencyKind kind, String sector, String text) {
}
