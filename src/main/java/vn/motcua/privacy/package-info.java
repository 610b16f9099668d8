/**
 * Personal-data protection (Law 91/2025/QH15, Decree 356/2025): the register of every column and file that holds
 * personal data ({@code privacy/register.json}, rendered into docs/privacy.md), the access log (who opened which
 * dossier's personal data, when, in which post and on which page), the data subject's export of their own data,
 * consent ({@link vn.motcua.privacy.Consents}), data subject requests and the retention of closed dossiers. Low in
 * the house: modules call {@link vn.motcua.privacy.AccessLog}; it depends on the platform and the calendar only, and
 * reads (retention: anonymises) other modules' tables by name where the register says so.
 */
package vn.motcua.privacy;
