-- 全市通办 / 跨省通办 (see docs/casework.md): a case received at a hall of another region for the competent office
-- (case_file.region_id), or applied for online, records its mode, the receiving office and where the applicant
-- takes the result. The receiving office sees the case; only the competent office handles and decides it.
create table case_tongban (
    case_id             bigint       primary key references case_file (id),
    mode                varchar(20)  not null check (mode in ('ONLINE', 'RECEIVE_ELSEWHERE', 'JOINT')),
    receiving_region_id bigint,
    receiving_unit_id   bigint,
    receiving_staff     varchar(100),
    deliver_at          varchar(12)  not null check (deliver_at in ('COMPETENT', 'RECEIVING'))
);
create index case_tongban_receiving_idx on case_tongban (receiving_region_id);
