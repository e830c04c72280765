-- 免证办 / 授权提取 (see docs/licences.md): a licence holder lets one service window pull one electronic licence
-- for one purpose during a limited time, instead of showing paper. The window presents the QR token (scanned)
-- or the one-time code; every pull is recorded and shown to the holder.
create table licence_grant (
    id                bigint generated always as identity primary key,
    licence_id        varchar(32)   not null references licence (licence_id),
    holder_account_id bigint        not null,
    window_unit_id    bigint        not null,
    purpose           varchar(200)  not null,
    token             varchar(64)   not null unique,
    code              char(8)       not null,
    code_used_at      timestamptz,
    valid_from        timestamptz   not null,
    valid_until       timestamptz   not null check (valid_until > valid_from),
    revoked_at        timestamptz,
    created_at        timestamptz   not null
);
create index licence_grant_holder_idx on licence_grant (holder_account_id, created_at desc);
create index licence_grant_code_idx on licence_grant (code) where code_used_at is null;

create table licence_pull (
    id             bigint generated always as identity primary key,
    grant_id       bigint        not null references licence_grant (id),
    licence_id     varchar(32)   not null,
    window_unit_id bigint        not null,
    pulled_by      varchar(100)  not null,
    pulled_at      timestamptz   not null
);
create index licence_pull_grant_idx on licence_pull (grant_id, pulled_at);
