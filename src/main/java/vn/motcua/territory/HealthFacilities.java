package vn.motcua.territory;

import java.util.List;
import java.util.Optional;

/**
 * Health facilities where a field allows them (a birthplace: "cơ sở y tế hoặc phường, xã"), from the versioned data
 * file {@code data/territory/health-facilities-hcm.tsv} (provenance in {@code HEALTH-FACILITIES.md} beside it). A
 * facility is no unit: forms keep the code of the ward it stands in, and its name beside it.
 */
public interface HealthFacilities {

    /**
     * @param id      this project's stable key (e.g. {@code CSYT-HCM-TUDU}), not an official code
     * @param aliases other names and short names ("BV Từ Dũ", "Bệnh viện Phụ sản Từ Dũ")
     * @param ward    the code of the commune-level unit it stands in now
     * @param oldWard the code of the ward it stood in before the 2025 reorganisation
     * @param address its street address as published (with the ward and district of before 2025-07-01)
     */
    record Facility(String id, String name, List<String> aliases, String ward, String oldWard, String address) {
    }

    /** The data file's version line ("2026-12-06.1"). */
    String version();

    List<Facility> all();

    /**
     * Facilities whose name or an alias matches what a person typed, with or without diacritics ("tu du"): every word
     * typed begins a word of the name; best first (the name before an alias, a name that starts with it first).
     */
    List<Facility> search(String query, int limit);

    Optional<Facility> byId(String id);
}
