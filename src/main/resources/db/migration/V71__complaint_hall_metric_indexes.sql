-- Statistics (issue 9): the 办不成事 metrics count and list complaints by the time they were received.
create index complaint_received_idx on complaint (received_at, id);
