package vn.motcua.territory;

/** The government level an agency belongs to (cấp thực hiện). */
public enum AgencyLevel {
    CENTRAL, PROVINCE, DISTRICT, COMMUNE
}
