-- Audit entries written with their business transaction, not yet chained (docs/audit.md, "How appends stay
-- one chain"). A transaction inserts its entries here — no lock, atomic with its data — and the chainer
-- moves them into audit_entry in commit order of discovery, many per chain transaction, deleting them here
-- in that same transaction. Rows live here for milliseconds; rows left by a node that died are chained by
-- the next pass of any node.
create table audit_pending (
    id          bigint generated always as identity primary key,
    occurred_at timestamptz   not null,
    actor       varchar(100)  not null,
    acting_for  varchar(100),
    action      varchar(100)  not null,
    object_type varchar(64),
    object_id   varchar(128),
    outcome     varchar(16)   not null check (outcome in ('SUCCESS', 'FAILURE', 'DENIED')),
    reason      varchar(1000),
    region_id   bigint,
    client_ip   varchar(64)
);
