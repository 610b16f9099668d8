-- Privacy (issue 21): data subject requests, consent, retention. Versions V21_11..V21_19 were assigned to this work;
-- they run before the dossier's tables exist on a new database, so nothing here references them by a foreign key
-- (the dossier's ids are kept as plain values, as the access log does).

-- A citizen's request about their own data (Law 91/2025/QH15): a tracked case with a due date on the working calendar
-- and a recorded answer.
create table privacy_request
(
    id                   uuid primary key,
    username             text        not null,              -- the citizen's account
    kind                 text        not null check (kind in ('ACCESS', 'CORRECTION', 'DELETION', 'RESTRICTION')),
    detail               text,                              -- what to correct, delete or restrict (the citizen's words)
    reason               text,                              -- why
    state                text        not null check (state in ('OPEN', 'ANSWERED')),
    filed_at             timestamptz not null,
    due_on               date        not null,              -- the legal time limit, in working days
    time_limit_days      int         not null,              -- the limit used (a setting; see docs/privacy.md)
    outcome              text check (outcome in ('DONE', 'PARTLY', 'REFUSED')),
    answer               text,
    retained_until       date,                              -- deletion refused: the dossiers are kept until then
    retained_permanently boolean     not null default false, -- deletion refused: archived permanently
    answered_at          timestamptz,
    answered_by          text,                              -- officer's account, or 'system' for an automatic answer
    answered_by_name     text,
    check ((state = 'OPEN') = (outcome is null))
);
create index privacy_request_queue on privacy_request (due_on, filed_at) where state = 'OPEN';
create index privacy_request_user on privacy_request (username, filed_at desc);

-- Consent where processing is consent-based, as a log: the latest row of (username, purpose) is the state.
create table privacy_consent
(
    id       bigserial primary key,
    username text        not null,
    purpose  text        not null,                          -- DATA_STORE_REUSE
    action   text        not null check (action in ('GIVEN', 'WITHDRAWN')),
    at       timestamptz not null,
    source   text        not null                           -- where: the page or API call, or the act that gave it
);
create index privacy_consent_user on privacy_consent (username, purpose, id desc);

-- Retention of closed dossiers per procedure: '*' is the default; years null = kept permanently.
create table privacy_retention_rule
(
    procedure_code text primary key,
    years          int check (years is null or years > 0),
    legal_basis    text not null,
    note           text
);
insert into privacy_retention_rule (procedure_code, years, legal_basis, note) values
    ('*', 10, 'Luật Lưu trữ 2024; Thông tư 10/2022/TT-BNV (thời hạn bảo quản tài liệu): hồ sơ giải quyết thủ tục hành chính',
     'Mặc định; thời hạn cụ thể của từng loại hồ sơ do bộ phận pháp chế xác nhận'),
    ('1.001193', null, 'Luật Hộ tịch 2014, Nghị định 123/2015/NĐ-CP: sổ và hồ sơ đăng ký hộ tịch được lưu trữ vĩnh viễn',
     'Đăng ký khai sinh'),
    ('1.000656', null, 'Luật Hộ tịch 2014, Nghị định 123/2015/NĐ-CP: sổ và hồ sơ đăng ký hộ tịch được lưu trữ vĩnh viễn',
     'Đăng ký khai tử'),
    ('1.000894', null, 'Luật Hộ tịch 2014, Nghị định 123/2015/NĐ-CP: sổ và hồ sơ đăng ký hộ tịch được lưu trữ vĩnh viễn',
     'Đăng ký kết hôn'),
    ('1.004873', null, 'Luật Hộ tịch 2014, Nghị định 123/2015/NĐ-CP: hồ sơ hộ tịch được lưu trữ vĩnh viễn',
     'Cấp Giấy xác nhận tình trạng hôn nhân'),
    ('2.000815', 2, 'Nghị định 23/2015/NĐ-CP về chứng thực: hồ sơ chứng thực lưu trữ 02 năm',
     'Chứng thực bản sao từ bản chính');

-- The retention job's runs and what each did or would do, dossier by dossier. Both append-only.
create table privacy_retention_run
(
    id           uuid primary key,
    mode         text        not null check (mode in ('DRY_RUN', 'EXECUTE')),
    dry_run_id   uuid,                                      -- EXECUTE: the dry run it carried out
    at           timestamptz not null,
    as_of        date        not null,                      -- the Vietnam date the periods were counted to
    requested_by text        not null,                      -- an administrator's account, or 'scheduler'
    dossiers     int         not null,
    attachments  int         not null
);
create index privacy_retention_run_at on privacy_retention_run (at desc);

create table privacy_retention_item
(
    run_id         uuid        not null references privacy_retention_run (id),
    dossier_id     uuid        not null,
    dossier_code   text,
    procedure_code text        not null,
    closed_at      timestamptz not null,
    retained_until date        not null,
    attachments    int         not null,
    primary key (run_id, dossier_id)
);
create index privacy_retention_item_dossier on privacy_retention_item (dossier_id);

create function privacy_append_only() returns trigger language plpgsql as
$$
begin
    raise exception '% is append-only (% refused)', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end
$$;
create trigger privacy_retention_run_append_only before update or delete on privacy_retention_run
    for each row execute function privacy_append_only();
create trigger privacy_retention_item_append_only before update or delete on privacy_retention_item
    for each row execute function privacy_append_only();
create trigger privacy_consent_append_only before update or delete on privacy_consent
    for each row execute function privacy_append_only();
