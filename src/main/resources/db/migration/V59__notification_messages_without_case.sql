-- Messages that belong to no case (an appointment reminder): no case id; stored once per account, kind and time.
alter table notification_message alter column case_id drop not null;
create unique index notification_message_once_without_case on notification_message (account_id, kind, created_at)
    where case_id is null;
