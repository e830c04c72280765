-- Audit log (审计日志): an append-only, SM3 hash-chained table. See docs/audit.md.
-- seq is assigned by the application as head + 1 under a transaction-scoped advisory lock, so it is
-- strictly consecutive (a sequence would leave gaps on rollback, and gaps mean "deleted").

create table audit_entry (
    seq         bigint        not null primary key check (seq > 0),
    occurred_at timestamptz   not null,
    actor       varchar(100)  not null,
    acting_for  varchar(100),
    action      varchar(100)  not null,
    object_type varchar(64),
    object_id   varchar(128),
    outcome     varchar(16)   not null check (outcome in ('SUCCESS', 'FAILURE', 'DENIED')),
    reason      varchar(1000),
    region_id   bigint,
    client_ip   varchar(64),
    prev_hash   char(64)      not null check (prev_hash ~ '^[0-9a-f]{64}$'),
    hash        char(64)      not null check (hash ~ '^[0-9a-f]{64}$')
);

-- the verifier looks up "which entry has this hash" once, when it classifies a broken link
create unique index audit_entry_hash_uk on audit_entry (hash);
-- the auditor's filters, newest first
create index audit_entry_actor_idx on audit_entry (actor, seq);
create index audit_entry_action_idx on audit_entry (action text_pattern_ops, seq);
create index audit_entry_object_idx on audit_entry (object_type, object_id, seq);
create index audit_entry_occurred_idx on audit_entry (occurred_at);

-- Every export of the chain head (also written to a JSON file kept outside the database).
create table audit_head_export (
    id          bigint generated always as identity primary key,
    exported_at timestamptz  not null,
    seq         bigint       not null check (seq >= 0),
    hash        char(64)     not null check (hash ~ '^[0-9a-f]{64}$'),
    file        varchar(500)
);
create index audit_head_export_seq_idx on audit_head_export (seq);

-- Append-only: no UPDATE, DELETE or TRUNCATE, whoever asks. (A superuser or the table owner can
-- still disable the triggers; the hash chain and the exported head make that visible.)
create function audit_reject_change() returns trigger
    language plpgsql as
$$
begin
    raise exception 'table %.% is append-only: % is not allowed', tg_table_schema, tg_table_name, tg_op
        using errcode = 'restrict_violation',
              hint = 'audit entries can never be changed or deleted';
end;
$$;

create trigger audit_entry_append_only
    before update or delete on audit_entry
    for each row execute function audit_reject_change();
create trigger audit_entry_no_truncate
    before truncate on audit_entry
    for each statement execute function audit_reject_change();

create trigger audit_head_export_append_only
    before update or delete on audit_head_export
    for each row execute function audit_reject_change();
create trigger audit_head_export_no_truncate
    before truncate on audit_head_export
    for each statement execute function audit_reject_change();
