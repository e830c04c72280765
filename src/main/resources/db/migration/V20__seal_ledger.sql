-- Seal ledger (印章使用台账): one row per use of the bureau's seal key. Append-only: see docs/licences.md.
create table seal_ledger (
    id            bigint generated always as identity primary key,
    used_at       timestamptz  not null,
    document_hash char(64)     not null check (document_hash ~ '^[0-9a-f]{64}$'),
    purpose       varchar(100) not null,
    case_id       bigint,
    document_id   varchar(64),
    signer        varchar(100) not null,
    key_id        char(64)     not null check (key_id ~ '^[0-9a-f]{64}$')
);
create index seal_ledger_case_idx on seal_ledger (case_id, id);
create index seal_ledger_document_idx on seal_ledger (document_id, id);

create function seal_ledger_reject_change() returns trigger
    language plpgsql as
$$
begin
    raise exception 'the seal ledger is append-only: % is not allowed', tg_op
        using errcode = 'restrict_violation',
              hint = 'seal ledger entries can never be changed or deleted';
end;
$$;

create trigger seal_ledger_no_update before update or delete on seal_ledger
    for each row execute function seal_ledger_reject_change();
create trigger seal_ledger_no_truncate before truncate on seal_ledger
    for each statement execute function seal_ledger_reject_change();
