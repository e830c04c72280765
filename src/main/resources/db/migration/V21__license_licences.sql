-- Electronic licences (电子证照) and decision documents (许可决定书), signed under the bureau's seal.
-- See docs/licences.md for the identifier format and the canonical byte form that is signed.

create table licence_sequence (
    year       int     not null,
    region_id  bigint  not null,
    last_value bigint  not null check (last_value > 0),
    primary key (year, region_id)
);

create table licence (
    licence_id        varchar(32)   not null primary key,
    case_id           bigint        not null,
    case_number       varchar(64)   not null,
    licence_kind      varchar(100)  not null,
    matter_code       varchar(64)   not null,
    matter_name       varchar(200)  not null,
    holder_name       varchar(200)  not null,
    holder_identifier varchar(64)   not null,
    issuer_name       varchar(200)  not null,
    issuer_region_id  bigint        not null,
    valid_from        date          not null,
    valid_until       date,
    check (valid_until is null or valid_until >= valid_from),
    predecessor_id    varchar(32)   references licence (licence_id),
    successor_id      varchar(32),  -- set just before the successor row is inserted
    status            varchar(16)   not null check (status in ('VALID', 'CHANGED', 'REVOKED')),
    status_reason     varchar(500),
    status_changed_at timestamptz,
    key_id            char(64)      not null,
    signed_at         timestamptz   not null,
    signature         bytea         not null,
    pdf               bytea         not null,
    pdf_sm3           char(64)      not null check (pdf_sm3 ~ '^[0-9a-f]{64}$')
);
create index licence_case_idx on licence (case_id);
-- one current (not superseded) licence per case
create unique index licence_current_per_case_uk on licence (case_id) where successor_id is null;

create table licence_particular (
    licence_id varchar(32)   not null references licence (licence_id),
    name       varchar(64)   not null,
    value      varchar(1000) not null,
    primary key (licence_id, name)
);

create sequence decision_document_seq;

create table decision_document (
    document_id    varchar(32)   not null primary key,
    case_id        bigint        not null,
    case_number    varchar(64)   not null,
    matter_name    varchar(200)  not null,
    applicant_name varchar(200)  not null,
    granted        boolean       not null,
    reasons        varchar(4000),
    legal_basis    varchar(2000),
    remedies       varchar(2000),
    issuer_name    varchar(200)  not null,
    decided_on     date          not null,
    key_id         char(64)      not null,
    signed_at      timestamptz   not null,
    signature      bytea         not null,
    pdf            bytea         not null,
    pdf_sm3        char(64)      not null check (pdf_sm3 ~ '^[0-9a-f]{64}$')
);
create index decision_document_case_idx on decision_document (case_id);
