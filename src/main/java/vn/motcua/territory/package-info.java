/**
 * Administrative units, agencies, posts and officers — all with validity periods — and the lineage
 * that links units and agencies across reorganisations. Every "who is competent" question takes a date.
 */
package vn.motcua.territory;
