/**
 * The reorganisation engine: plans that merge, split, rename, reclassify and dissolve administrative units and
 * agencies (and abolish a level, or transfer procedures), validated, dry-run, executed at an instant through the
 * territory's unit changes, with every in-flight dossier moved to its successor agency in journaled, resumable
 * batches, and a stored reconciliation proving that none was lost.
 */
package vn.motcua.reorg;
