/**
 * Working calendar and legal deadlines: Vietnamese public holidays (Labour Code 2019 art. 112) with
 * the lunar calendar at UTC+7, official yearly schedules, agencies' office hours and cut-offs, and
 * deadline arithmetic with pauses and extensions. Other modules use {@link vn.motcua.calendar.WorkingCalendar}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Calendar")
package vn.motcua.calendar;
