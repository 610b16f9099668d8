package vn.motcua.territory;

/** Kinds of administrative unit (đơn vị hành chính). */
public enum UnitType {
    /** Tỉnh. */
    PROVINCE,
    /** Thành phố trực thuộc trung ương (e.g. TP. Hồ Chí Minh). */
    MUNICIPALITY,
    /** District level before 1 July 2025: quận, huyện, thị xã, thành phố thuộc tỉnh. */
    DISTRICT,
    /** Phường. */
    WARD,
    /** Xã. */
    COMMUNE,
    /** Thị trấn (only before 1 July 2025). */
    TOWNSHIP,
    /** Đặc khu (from 1 July 2025). */
    SPECIAL_ZONE;

    public boolean isProvinceLevel() {
        return this == PROVINCE || this == MUNICIPALITY;
    }

    public boolean isCommuneLevel() {
        return this == WARD || this == COMMUNE || this == TOWNSHIP || this == SPECIAL_ZONE;
    }
}
