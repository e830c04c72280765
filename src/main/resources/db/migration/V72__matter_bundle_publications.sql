-- 一件事 publication history (docs/catalogue.md, "Reform figures"): what a bundle was while it was published — its
-- region, target and members — from its publication until it was withdrawn or changed. The catalogue figures of
-- the statistics (bundle.*, enterprise.*) are taken at the end of a period, so they read the bundles in force then,
-- not the bundles published today. Written by Bundles on publish, withdraw and every change of a published bundle.
create table bundle_publication (
    id                  bigint generated always as identity primary key,
    bundle_id           bigint       not null references bundle (id),
    region_id           bigint       not null,
    target_working_days int,
    published_from      timestamptz  not null,
    published_until     timestamptz,
    check (published_until is null or published_until >= published_from)
);
-- at most one publication of a bundle is in force
create unique index bundle_publication_open_idx on bundle_publication (bundle_id) where published_until is null;
create index bundle_publication_period_idx on bundle_publication (published_from, published_until);

create table bundle_publication_member (
    publication_id     bigint   not null references bundle_publication (id),
    matter_id          bigint   not null references matter (id),
    sort_order         int      not null,
    carried_by_licence boolean  not null,
    primary key (publication_id, matter_id)
);

-- Bundles published before this migration: in force from their last change (the moment of their publication was
-- not recorded; their last change is the earliest moment known to show them as they are).
insert into bundle_publication (bundle_id, region_id, target_working_days, published_from)
select id, region_id, target_working_days, updated_at from bundle where published;
insert into bundle_publication_member (publication_id, matter_id, sort_order, carried_by_licence)
select p.id, m.matter_id, m.sort_order, m.carried_by_licence
from bundle_publication p join bundle_member m on m.bundle_id = p.bundle_id;
