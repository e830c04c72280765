-- 一件事 / 一链办理 (see docs/catalogue.md): a bundle of published matters applied for with one form. The matters
-- keep their own versions; a bundle lists them, with a target in working days shown on its guide and, for
-- 一照含证, which permits the business licence carries.
create table bundle (
    id                  bigint generated always as identity primary key,
    code                varchar(40)   not null unique,
    name                varchar(200)  not null,
    description         varchar(2000) not null,
    region_id           bigint        not null,
    target_working_days int           check (target_working_days between 1 and 60),
    published           boolean       not null default false,
    created_at          timestamptz   not null,
    updated_at          timestamptz   not null
);

create table bundle_member (
    bundle_id          bigint   not null references bundle (id),
    matter_id          bigint   not null references matter (id),
    sort_order         int      not null,
    carried_by_licence boolean  not null default false,
    primary key (bundle_id, matter_id)
);
