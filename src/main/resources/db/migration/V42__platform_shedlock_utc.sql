-- ShedLock on database time (usingDbTime) writes timezone('utc', CURRENT_TIMESTAMP): UTC wall-clock time without a
-- zone. A timestamptz column reads that in the session's TimeZone, which the JDBC driver takes from each node's JVM:
-- nodes in different time zones saw each other's locks hours off (a lock taken by a node in Asia/Shanghai had
-- expired at once for a node in UTC, which then ran the job too). Plain timestamp columns keep the UTC wall-clock
-- time whatever the session's zone, as ShedLock's PostgreSQL schema has it. Existing rows were written in this
-- session's zone (the nodes of one installation had one zone so far) and are converted back to UTC wall-clock time.
alter table shedlock
    alter column lock_until type timestamp using lock_until at time zone current_setting('TimeZone'),
    alter column locked_at  type timestamp using locked_at  at time zone current_setting('TimeZone');
comment on column shedlock.lock_until is 'UTC';
comment on column shedlock.locked_at is 'UTC';
