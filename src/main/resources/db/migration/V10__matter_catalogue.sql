-- 事项目录: a matter (stable identity) and its versions (implementation-list elements).
-- The elements of a version are written and read as one document (content jsonb); the columns next to it
-- repeat what lists, filters and searches need. Region and department are ids of the identity module
-- (no foreign keys across modules).

create table matter (
    id                  bigserial    primary key,
    matter_code         varchar(40)  not null,
    implementation_code varchar(60)  not null unique,
    region_id           bigint       not null,
    created_at          timestamptz  not null
);
create index matter_region_idx on matter (region_id);
create index matter_code_idx on matter (matter_code);

create table matter_version (
    id              bigserial    primary key,
    matter_id       bigint       not null references matter (id),
    version_number  int          not null,
    state           varchar(20)  not null check (state in ('DRAFT', 'PUBLISHED', 'SUPERSEDED')),
    name            varchar(200) not null,
    department_id   bigint       not null,
    service_object  varchar(20)  not null,
    content         jsonb        not null,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    published_at    timestamptz,
    superseded_at   timestamptz,
    lock_version    int          not null default 0,
    unique (matter_id, version_number)
);
-- at most one draft and one published version per matter
create unique index matter_version_one_draft on matter_version (matter_id) where state = 'DRAFT';
create unique index matter_version_one_published on matter_version (matter_id) where state = 'PUBLISHED';
create index matter_version_state_idx on matter_version (state, department_id);
