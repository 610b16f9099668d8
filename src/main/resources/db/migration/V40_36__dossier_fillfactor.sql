-- Room on every dossier page for new row versions (PostgreSQL's default packs pages full). An update that finds room
-- on the row's own page writes one heap page instead of two, and when it changes no indexed column it is a HOT update
-- that adds no index entry at all: the late watch's flag, a deadline or a version bump, and a reorganisation's move of
-- a dossier still in triage (agency_code stays null; only triage_owner, which no index holds, changes). Moves that
-- change agency_code stay non-HOT while the officer inbox's index holds it. Applies to pages written from now on
-- (existing pages fill to the new limit only as they are rewritten, e.g. by VACUUM FULL). Figures: docs/reorg.md.
alter table dossier set (fillfactor = 80);
