-- 好差评, second part (see docs/evaluation.md): indicators in the scheme, ratings of every object and channel
-- (hall QR visits, paper and phone entries, pushed by registered sources), the rectification workflow with its
-- history, invitations, the daily roll-up the figures read, and published monthly bulletins.

-- scheme 2: the same levels, plus the indicators of the online and the in-person sets (GB/T 39734/39735)
insert into rating_scheme (version, content, created_at)
select 2, jsonb_set(content, '{indicators}', '{
  "ONLINE":    {"OVERALL": "总体满意度", "EFFICIENCY": "办事效率", "GUIDE": "办事指南准确性", "CONVENIENCE": "办事便捷度", "USABILITY": "系统易用性"},
  "IN_PERSON": {"OVERALL": "总体满意度", "EFFICIENCY": "办事效率", "SERVICE": "服务水平", "ATTITUDE": "服务态度"}
}'::jsonb), now()
from rating_scheme where version = 1;

alter table rating
    add column day            date,
    add column department_id  bigint,
    add column matter_id      bigint,
    add column window_id      bigint,
    add column indicators     jsonb,
    add column visit_key      varchar(64),
    add column device_key     varchar(64),
    add column rater_name     varchar(60),
    add column rater_phone    varchar(20),
    add column entered_by     varchar(40),
    add column source_id      bigint,
    add column excluded_at    timestamptz,
    add column excluded_by    varchar(40);
update rating r set day = (r.rated_at at time zone 'Asia/Shanghai')::date;
update rating r set department_id = c.department_id, matter_id = c.matter_id
from case_file c where c.id = r.case_id;
alter table rating alter column day set not null;
-- one rating per hall visit (一次一评): the visit's key is unique
create unique index rating_visit_uk on rating (visit_key) where visit_key is not null;
-- one rating of a window per device and day (the hall page's flood guard), atomically
create unique index rating_device_window_day_uk on rating (device_key, window_id, day) where device_key is not null;
create index rating_day_idx on rating (day);

-- who may push ratings (hall rating devices, the mobile app, the provincial platform): a token each, kept hashed
create table rating_source (
    id           bigint generated always as identity primary key,
    code         varchar(40)  not null unique,
    name         varchar(100) not null,
    kind         varchar(16)  not null check (kind in ('DEVICE', 'APP', 'PROVINCIAL')),
    region_id    bigint       not null,
    window_id    bigint,
    token_hash   varchar(64)  not null unique,
    active       boolean      not null default true,
    created_at   timestamptz  not null,
    created_by   varchar(40)  not null
);
alter table rating add constraint rating_source_fk foreign key (source_id) references rating_source (id);

alter table rectification drop constraint rectification_state_check;
alter table rectification
    add constraint rectification_state_check
        check (state in ('OPEN', 'CLASSIFIED', 'APPEALED', 'ACTED', 'CALLED_BACK', 'CLOSED', 'EXCLUDED')),
    add column department_id   bigint,
    add column window_id       bigint,
    add column matter_id       bigint,
    add column chief           varchar(40),
    add column verification    varchar(1000),
    add column classification  varchar(16) check (classification in ('IMMEDIATE', 'DEADLINE', 'EXPLAIN', 'APPEAL')),
    add column ledger          varchar(1000),
    add column action          varchar(1000),
    add column callback_result varchar(16) check (callback_result in ('SATISFIED', 'BASICALLY', 'UNSATISFIED', 'UNREACHABLE')),
    add column callback_note   varchar(500),
    add column called_back_at  timestamptz,
    add column closed_on       date,
    add column warned_at       timestamptz,
    add column escalated_at    timestamptz,
    add column named           boolean not null default true,
    -- the rating's day and channel, so that the figures count rectifications without reading the ratings
    add column day             date,
    add column channel         varchar(16);
update rectification x set department_id = r.department_id, matter_id = r.matter_id, window_id = r.window_id,
    day = r.day, channel = r.channel
from rating r where r.id = x.rating_id;
alter table rectification alter column day set not null, alter column channel set not null;
create index rectification_day_idx on rectification (day, region_id);

-- the history of every rectification, in order; never edited
create table rectification_event (
    id                bigint generated always as identity primary key,
    rectification_id  bigint        not null references rectification (id),
    kind              varchar(24)   not null,
    actor             varchar(40),
    note              varchar(1000),
    at                timestamptz   not null
);
create index rectification_event_idx on rectification_event (rectification_id, id);

-- the invitation sent when a concluded case has no rating after 3 days (once per case)
create table rating_invitation (
    case_id   bigint       primary key,
    sent_at   timestamptz  not null
);

-- daily statistics: one row per day and dimension combination; a day is read from here once rolled up
-- (rating_day.rolled), and from the ratings themselves before that (today) or after a change (a late pushed
-- rating, an exclusion) until it is rolled up again
create table rating_day (
    day      date     primary key,
    rolled   boolean  not null
);
create table rating_daily (
    day            date         not null,
    region_id      bigint       not null,
    department_id  bigint,
    matter_id      bigint,
    window_id      bigint,
    staff          varchar(100),
    channel        varchar(16)  not null,
    face_to_face   boolean      not null,
    object_type    varchar(16)  not null,
    total          int          not null,
    level5         int          not null,
    level4         int          not null,
    level3         int          not null,
    level2         int          not null,
    level1         int          not null,
    excluded       int          not null
);
create index rating_daily_day_idx on rating_daily (day, region_id);
insert into rating_day (day, rolled) select distinct day, false from rating;

-- a month's bulletin as published: the figures frozen at publication, shown on the public page
create table rating_bulletin (
    month         varchar(7)    not null,
    region_id     bigint        not null,
    content       jsonb         not null,
    published_at  timestamptz   not null,
    published_by  varchar(40)   not null,
    primary key (month, region_id)
);

-- the key that signs hall visit tokens (the QR page's form), shared by every node; made on first use
create table rating_visit_key (
    id      int    primary key check (id = 1),
    secret  bytea  not null
);
