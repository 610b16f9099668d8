-- Queues per post (issue 7): a handling post may be restricted to a field (lĩnh vực, territory_post.field,
-- e.g. HO_TICH). At acceptance the dossier keeps its procedure's field as it was in the catalogue, and a
-- normalised key (folded to upper snake case: "Hộ tịch" -> HO_TICH, "Đăng ký, quản lý cư trú" ->
-- DANG_KI_QUAN_LI_CU_TRU). Each step instance carries the key its queue is narrowed to, or null when any
-- officer of the step's agency and role may take it (transferred steps, steps opened before this migration,
-- procedures without a field, agencies with no post of that field).
alter table dossier add column procedure_field text;
alter table dossier add column field_key text;
alter table dossier_step add column field_key text;
