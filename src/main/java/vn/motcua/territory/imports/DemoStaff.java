package vn.motcua.territory.imports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Demo posts and officers (demo mode only): reception, handling and leader posts in a handful of HCMC wards and
 * city departments. The demo accounts tiepnhan, chuyenvien, lanhdao and trakq (a second reception post, for
 * returning results) hold the posts of UBND phường Sài Gòn (26740) from 1 July 2025, and held the same posts in
 * UBND phường Bến Nghé (old 26740) before.
 */
final class DemoStaff {

    private static final LocalDate OLD = LocalDate.of(2025, 1, 1);
    private static final LocalDate NEW = LocalDate.of(2025, 7, 1);

    record Seat(String agencyCode, LocalDate agencyFrom, String suffix, String title, String role, String field,
                String officerCode, String officerName, String username) {
    }

    static List<Seat> seats() {
        List<Seat> seats = new ArrayList<>();
        for (LocalDate from : List.of(OLD, NEW)) {
            seats.add(new Seat("UBND-26740", from, "TN", "Công chức tiếp nhận và trả kết quả", "RECEPTION", null,
                    "CB-TIEPNHAN", "Trần Thị Bình", "tiepnhan"));
            seats.add(new Seat("UBND-26740", from, "HT", "Công chức Tư pháp – Hộ tịch", "HANDLING", "HO_TICH",
                    "CB-CHUYENVIEN", "Lê Văn Cường", "chuyenvien"));
            seats.add(new Seat("UBND-26740", from, "LD", "Chủ tịch Ủy ban nhân dân", "LEADER", null,
                    "CB-LANHDAO", "Phạm Thị Dung", "lanhdao"));
            seats.add(new Seat("UBND-26740", from, "TKQ", "Công chức trả kết quả", "RECEPTION", null,
                    "CB-TRAKQ", "Đặng Thị Hoa", "trakq"));
        }
        String[][] wards = {
                {"26737", "Nguyễn Thị Hạnh", "Đỗ Minh Khoa", "Bùi Văn Lợi"},
                {"26743", "Huỳnh Thị Mai", "Phan Quốc Nam", "Trương Thị Oanh"},
                {"25747", "Lý Văn Phúc", "Đặng Thị Quyên", "Ngô Văn Sơn"},
                {"26506", "Vũ Thị Thu", "Đinh Văn Tài", "Tô Thị Uyên"}};
        for (String[] w : wards) {
            String a = "UBND-" + w[0];
            seats.add(new Seat(a, NEW, "TN", "Công chức tiếp nhận và trả kết quả", "RECEPTION", null, "CB-" + w[0] + "-1", w[1], null));
            seats.add(new Seat(a, NEW, "HT", "Công chức Tư pháp – Hộ tịch", "HANDLING", "HO_TICH", "CB-" + w[0] + "-2", w[2], null));
            seats.add(new Seat(a, NEW, "LD", "Chủ tịch Ủy ban nhân dân", "LEADER", null, "CB-" + w[0] + "-3", w[3], null));
        }
        seats.add(new Seat("CA-26740", NEW, "TN", "Cán bộ tiếp nhận hồ sơ cư trú", "RECEPTION", null, "CB-CA26740-1", "Hồ Văn Vinh", null));
        seats.add(new Seat("CA-26740", NEW, "CT", "Cán bộ đăng ký cư trú", "HANDLING", "CU_TRU", "CB-CA26740-2", "Mai Thị Xuân", null));
        seats.add(new Seat("CA-26740", NEW, "LD", "Trưởng Công an phường", "LEADER", null, "CB-CA26740-3", "Lâm Văn Yên", null));
        seats.add(new Seat("STP-79", NEW, "TN", "Công chức tiếp nhận và trả kết quả", "RECEPTION", null, "CB-STP79-1", "Châu Thị Ánh", null));
        seats.add(new Seat("STP-79", NEW, "LL", "Chuyên viên Lý lịch tư pháp", "HANDLING", "LY_LICH_TU_PHAP", "CB-STP79-2", "Quách Văn Bảo", null));
        seats.add(new Seat("STP-79", NEW, "LD", "Giám đốc Sở Tư pháp", "LEADER", null, "CB-STP79-3", "Kiều Thị Chi", null));
        seats.add(new Seat("CA-79", NEW, "TN", "Cán bộ tiếp nhận hồ sơ", "RECEPTION", null, "CB-CA79-1", "La Văn Danh", null));
        seats.add(new Seat("CA-79", NEW, "XC", "Cán bộ quản lý xuất nhập cảnh", "HANDLING", "XUAT_NHAP_CANH", "CB-CA79-2", "Tạ Thị Én", null));
        seats.add(new Seat("CA-79", NEW, "LD", "Giám đốc Công an Thành phố", "LEADER", null, "CB-CA79-3", "Lưu Văn Giàu", null));
        return seats;
    }

    /** Inserts what is missing; returns the number of holdings created. */
    static int load(JdbcClient jdbc) {
        int holdings = 0;
        for (Seat s : seats()) {
            jdbc.sql("""
                    insert into territory_officer (id, code, full_name, username)
                    values (:id, :code, :name, (select username from account where username = :u))
                    on conflict (code) do update set username = coalesce(territory_officer.username, excluded.username)
                    """).param("id", UUID.randomUUID()).param("code", s.officerCode()).param("name", s.officerName())
                    .param("u", s.username()).update();
            jdbc.sql("""
                    insert into territory_post (id, agency_id, code, title, role, field, valid_from, valid_to)
                    select :id, a.id, a.code || '-' || :suffix, :title, :role, :field, a.valid_from, a.valid_to
                    from territory_agency a where a.code = :agency and a.valid_from = :from
                    on conflict (code, valid_from) do nothing
                    """).param("id", UUID.randomUUID()).param("suffix", s.suffix()).param("title", s.title())
                    .param("role", s.role()).param("field", s.field()).param("agency", s.agencyCode())
                    .param("from", s.agencyFrom()).update();
            holdings += jdbc.sql("""
                    insert into territory_post_holding (id, post_id, officer_id, valid_from, valid_to)
                    select :id, p.id, o.id, p.valid_from, p.valid_to
                    from territory_post p, territory_officer o
                    where p.code = :post and p.valid_from = :from and o.code = :officer
                    on conflict (post_id, officer_id, valid_from) do nothing
                    """).param("id", UUID.randomUUID()).param("post", s.agencyCode() + "-" + s.suffix())
                    .param("from", s.agencyFrom()).param("officer", s.officerCode()).update();
        }
        return holdings;
    }

    private DemoStaff() {
    }
}
