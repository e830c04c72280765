-- Regions (行政区划), org units (组织机构) and accounts (账号).

create table region (
    id          bigserial    primary key,
    code        varchar(12)  not null unique,
    name        varchar(60)  not null,
    level       varchar(20)  not null check (level in ('CITY', 'COUNTY', 'DISTRICT', 'DEVELOPMENT_ZONE')),
    parent_id   bigint       references region (id),
    sort_order  int          not null default 0,
    active      boolean      not null default true,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null,
    version     int          not null default 0,
    check ((level = 'CITY') = (parent_id is null))
);
create index region_parent_idx on region (parent_id);

create table org_unit (
    id          bigserial    primary key,
    region_id   bigint       not null references region (id),
    parent_id   bigint       references org_unit (id),
    kind        varchar(30)  not null check (kind in ('BUREAU', 'BUREAU_SECTION', 'STATIONED_DEPARTMENT', 'SERVICE_HALL', 'WINDOW')),
    window_kind varchar(20)  check (window_kind in ('GENERAL', 'SPECIAL')),
    code        varchar(40)  not null unique,
    name        varchar(100) not null,
    description varchar(500),
    sort_order  int          not null default 0,
    active      boolean      not null default true,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null,
    version     int          not null default 0,
    check ((kind = 'WINDOW') = (window_kind is not null))
);
create index org_unit_region_idx on org_unit (region_id);
create index org_unit_parent_idx on org_unit (parent_id);

create table account (
    id                 bigserial    primary key,
    username           varchar(40)  not null,
    password_hash      varchar(200) not null,
    kind               varchar(20)  not null check (kind in ('STAFF', 'PERSON', 'ENTERPRISE')),
    display_name       varchar(100) not null,
    region_id          bigint       references region (id),
    org_unit_id        bigint       references org_unit (id),
    city_wide          boolean      not null default false,
    enabled            boolean      not null default true,
    failed_attempts    int          not null default 0,
    locked_until       timestamptz,
    totp_secret        varchar(64),
    totp_confirmed_at  timestamptz,
    totp_last_step     bigint,
    created_at         timestamptz  not null,
    last_login_at      timestamptz,
    version            int          not null default 0,
    check (kind <> 'STAFF' or region_id is not null)
);
create unique index account_username_uq on account (lower(username));

create table account_role (
    account_id bigint      not null references account (id) on delete cascade,
    role       varchar(40) not null,
    primary key (account_id, role)
);

create table recovery_code (
    id         bigserial    primary key,
    account_id bigint       not null references account (id) on delete cascade,
    code_hash  varchar(200) not null,
    used_at    timestamptz
);
create index recovery_code_account_idx on recovery_code (account_id);

-- 自然人
create table person (
    account_id     bigint       primary key references account (id) on delete cascade,
    real_name      varchar(60)  not null,
    id_card_number varchar(18)  not null unique,
    phone          varchar(20)
);

-- 法人及其他组织
create table enterprise (
    account_id          bigint       primary key references account (id) on delete cascade,
    name                varchar(120) not null,
    credit_code         varchar(18)  not null unique,
    legal_representative varchar(60) not null,
    legal_rep_id_card   varchar(18)  not null
);

-- People allowed to act for an enterprise (法定代表人 / 经办人)
create table enterprise_agent (
    id             bigserial    primary key,
    enterprise_id  bigint       not null references enterprise (account_id) on delete cascade,
    real_name      varchar(60)  not null,
    id_card_number varchar(18)  not null,
    role           varchar(30)  not null check (role in ('LEGAL_REPRESENTATIVE', 'AGENT')),
    valid_until    date,
    revoked_at     timestamptz,
    created_at     timestamptz  not null,
    unique (enterprise_id, id_card_number)
);
