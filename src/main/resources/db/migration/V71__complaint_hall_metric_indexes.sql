-- Statistics (issue 9): the 办不成事 metrics count and list complaints by the time they were received; the hall's
-- "tickets served" leaves out a ticket passed on to another group, found by the transfer's new ticket.
create index complaint_received_idx on complaint (received_at, id);
create index queue_ticket_transferred_idx on queue_ticket (transferred_from) where transferred_from is not null;
