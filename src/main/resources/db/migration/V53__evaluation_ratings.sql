-- 好差评 (see docs/evaluation.md): the versioned rating scheme (levels with their reasons), ratings, and the
-- rectification every bad review opens. Nothing here is ever deleted: an appeal excludes a rating from the figures.
create table rating_scheme (
    version    int          primary key,
    content    jsonb        not null,
    created_at timestamptz  not null
);

insert into rating_scheme (version, content, created_at) values (1, '{
  "levels": {
    "5": {"name": "非常满意", "reasons": {"R51": "服务热情周到", "R52": "办事效率高", "R53": "一次办成", "R54": "指南清晰准确"}},
    "4": {"name": "满意", "reasons": {"R41": "服务态度好", "R42": "按时办结", "R43": "流程便捷"}},
    "3": {"name": "基本满意", "reasons": {"R31": "等待时间较长", "R32": "材料要求可以更简化", "R33": "指引不够清楚"}},
    "2": {"name": "不满意", "reasons": {"R21": "多次往返", "R22": "办理超时", "R23": "服务态度差", "R24": "一次性告知不到位", "R25": "办事指南与实际不符"}},
    "1": {"name": "非常不满意", "reasons": {"R11": "推诿扯皮", "R12": "吃拿卡要", "R13": "超时未办结且无说明", "R14": "态度恶劣", "R15": "要求提交不必要的材料"}}
  }
}', now());

create table rating (
    id              bigint generated always as identity primary key,
    scheme_version  int           not null references rating_scheme (version),
    object_type     varchar(16)   not null check (object_type in ('CASE', 'MATTER', 'WINDOW', 'STAFF', 'HALL', 'WEBSITE')),
    object_id       varchar(64)   not null,
    case_id         bigint,
    step            varchar(16)   check (step in ('RECEPTION', 'ACCEPTANCE', 'CONCLUSION')),
    channel         varchar(16)   not null check (channel in ('PORTAL', 'QR', 'PAPER', 'PHONE', 'SMS', 'DEVICE', 'PROVINCIAL')),
    face_to_face    boolean       not null,
    level           int           not null check (level between 1 and 5),
    reasons         varchar(200)  not null,
    comment         varchar(500),
    rater_account_id bigint,
    region_id       bigint        not null,
    handled_by      varchar(100),
    rated_at        timestamptz   not null,
    source          varchar(60)   not null,
    excluded        boolean       not null default false,
    excluded_reason varchar(500)
);
-- one rating per case step (一事一评)
create unique index rating_case_step_uk on rating (case_id, step) where case_id is not null;
create index rating_region_time_idx on rating (region_id, rated_at);

create table rectification (
    id            bigint generated always as identity primary key,
    rating_id     bigint        not null unique references rating (id),
    case_id       bigint,
    region_id     bigint        not null,
    responsible   varchar(100),
    state         varchar(16)   not null check (state in ('OPEN', 'CLASSIFIED', 'ACTED', 'CALLED_BACK', 'CLOSED', 'EXCLUDED')),
    due_on        date          not null,
    opened_at     timestamptz   not null
);
create index rectification_open_idx on rectification (region_id, due_on) where state <> 'CLOSED';
