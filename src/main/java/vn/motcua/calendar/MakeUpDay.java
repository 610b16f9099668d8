package vn.motcua.calendar;

import java.time.LocalDate;

/** A weekend day declared a working day (ngày làm bù) in a year's official schedule. */
public record MakeUpDay(LocalDate date, String nameVi, String nameEn) {
}
