-- 消息通知: in-app messages of applicants. One message per (case, event kind, time of the event), so that a
-- redelivered CaseStatusChanged stores nothing twice.

create table notification_message (
    id          bigserial    primary key,
    account_id  bigint       not null,
    case_id     bigint       not null,
    kind        varchar(40)  not null,
    title       varchar(200) not null,
    body        text         not null,
    link        varchar(200) not null,
    created_at  timestamptz  not null,
    read_at     timestamptz,
    constraint notification_message_once unique (case_id, kind, created_at)
);

create index notification_message_inbox_idx on notification_message (account_id, created_at desc);
