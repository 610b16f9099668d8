package vn.motcua.territory;

/** What sort of body an agency is; with its level and sector it decides which procedures it performs. */
public enum AgencyKind {
    /** Ủy ban nhân dân (of a province or a commune-level unit). */
    PEOPLES_COMMITTEE,
    /** A specialised department of the province (Sở ...); its {@link Agency#sector()} says which. */
    DEPARTMENT,
    /** Công an (province or commune level). */
    POLICE,
    /** Trung tâm Phục vụ hành chính công: reception and result return, not competent itself. */
    SERVICE_CENTRE
}
