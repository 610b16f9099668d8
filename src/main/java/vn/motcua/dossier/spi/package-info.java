/**
 * What the dossier module asks of the modules above it (ports they implement; the dossier calls them, never the other
 * way round): prefill of a new e-form, advice before submission, reusable documents from the data store, the check of
 * an assignment, the deadline risk of a queue. The base package is what the dossier offers; this package is what it
 * needs.
 */
@org.springframework.modulith.NamedInterface("spi")
package vn.motcua.dossier.spi;
