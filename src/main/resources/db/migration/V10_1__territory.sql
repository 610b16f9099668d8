-- Territory: administrative units, agencies, posts and officers, all valid over [valid_from, valid_to),
-- and the lineage between units across reorganisations. Codes are attributes, not keys: the same code
-- may denote different units in different periods (old 26737 Đa Kao, new 26737 Tân Định).

create table territory_unit
(
    id          uuid primary key,
    code        text not null,
    name        text not null,
    full_name   text not null,
    type        text not null check (type in ('PROVINCE', 'MUNICIPALITY', 'DISTRICT', 'WARD', 'COMMUNE',
                                              'TOWNSHIP', 'SPECIAL_ZONE')),
    parent_id   uuid references territory_unit (id),
    valid_from  date not null,
    valid_to    date,
    name_folded text not null,
    check (valid_to is null or valid_to > valid_from),
    unique (code, valid_from)
);
create index territory_unit_parent_idx on territory_unit (parent_id);
create index territory_unit_folded_idx on territory_unit using gin (name_folded gin_trgm_ops);

create table territory_lineage
(
    id             uuid primary key,
    predecessor_id uuid not null references territory_unit (id),
    successor_id   uuid not null references territory_unit (id),
    kind           text not null check (kind in ('MERGE', 'SPLIT', 'RENAME', 'RECLASSIFY', 'DISSOLVE', 'TRANSFER')),
    share          text not null check (share in ('FULL', 'PARTIAL')),
    effective      date not null,
    legal_basis    text not null,
    unique (predecessor_id, successor_id)
);
create index territory_lineage_successor_idx on territory_lineage (successor_id);

create table territory_agency
(
    id         uuid primary key,
    code       text not null,
    name       text not null,
    level      text not null check (level in ('CENTRAL', 'PROVINCE', 'DISTRICT', 'COMMUNE')),
    kind       text not null check (kind in ('PEOPLES_COMMITTEE', 'DEPARTMENT', 'POLICE', 'SERVICE_CENTRE')),
    sector     text,
    unit_id    uuid not null references territory_unit (id),
    valid_from date not null,
    valid_to   date,
    check (valid_to is null or valid_to > valid_from),
    unique (code, valid_from)
);
create index territory_agency_unit_idx on territory_agency (unit_id);

-- A position in an agency (reception officer, handling officer for a field, leader).
create table territory_post
(
    id         uuid primary key,
    agency_id  uuid not null references territory_agency (id),
    code       text not null,
    title      text not null,
    role       text not null check (role in ('RECEPTION', 'HANDLING', 'LEADER')),
    field      text,
    valid_from date not null,
    valid_to   date,
    check (valid_to is null or valid_to > valid_from),
    unique (code, valid_from)
);
create index territory_post_agency_idx on territory_post (agency_id);

create table territory_officer
(
    id        uuid primary key,
    code      text not null unique,
    full_name text not null,
    username  text unique references account (username) on delete set null
);

-- Who held which post when.
create table territory_post_holding
(
    id         uuid primary key,
    post_id    uuid not null references territory_post (id),
    officer_id uuid not null references territory_officer (id),
    valid_from date not null,
    valid_to   date,
    check (valid_to is null or valid_to > valid_from),
    unique (post_id, officer_id, valid_from)
);
create index territory_post_holding_officer_idx on territory_post_holding (officer_id);

-- Which imports have completed (so a second run is a cheap no-op).
create table territory_import
(
    name        text primary key,
    report      text not null,
    finished_at timestamptz not null default now()
);
