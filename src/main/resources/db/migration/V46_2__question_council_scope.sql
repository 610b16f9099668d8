-- Council oversight (HĐND): which administrative units (a province, or a commune-level unit) a council member's
-- read-only view of the questions covers. A province code covers every agency of the province.
create table question_council_scope
(
    username  text not null,
    unit_code text not null,
    primary key (username, unit_code)
);
