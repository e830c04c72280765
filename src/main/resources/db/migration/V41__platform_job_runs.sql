-- Every run of a scheduled job that takes a ShedLock lock: which node ran which tick, when, and how it ended.
-- A tick is the cron time the run belongs to. One run per job and tick across all nodes: a node whose clock
-- fires a little later than the others finds the tick taken and skips it (see docs/operator-guide.md).
create table job_run (
    id          bigint       generated always as identity primary key,
    job_name    varchar(64)  not null,
    tick        timestamptz  not null,
    node_id     varchar(100) not null,
    started_at  timestamptz  not null default clock_timestamp(),
    finished_at timestamptz,
    -- RUNNING until the run ends; ABANDONED when the next run of the job found it still RUNNING (its node
    -- stopped mid-run; the job's lock had expired, so nobody else could be running it)
    outcome     varchar(16)  not null default 'RUNNING'
        check (outcome in ('RUNNING', 'SUCCEEDED', 'FAILED', 'ABANDONED')),
    error       varchar(500),
    constraint job_run_once_per_tick unique (job_name, tick)
);
-- the operator's view: the newest runs first
create index job_run_started_idx on job_run (started_at);
