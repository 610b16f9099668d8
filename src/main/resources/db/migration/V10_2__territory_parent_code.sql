-- A child names its parent by code, not by the parent's version row: a RENAME or RECLASSIFY of the parent opens a
-- new version (same code, new id) and must not leave the unchanged children behind on the closed version.
-- parent_id stays as written (the parent version on the day the child was opened, i.e. history); every reading
-- resolves parent_code as of the date asked.
alter table territory_unit add column parent_code text;
update territory_unit u set parent_code = p.code from territory_unit p where p.id = u.parent_id;
create index territory_unit_parent_code_idx on territory_unit (parent_code);
