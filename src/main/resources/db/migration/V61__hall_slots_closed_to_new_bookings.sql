-- Schedule administration (docs/hall.md): when an administrator changes or deactivates a service schedule, a slot
-- already made that has bookings is kept for them; if the changed schedule no longer makes that slot (other hours,
-- slot length or days) or the schedule stops, the slot is closed to new bookings. Slots are unique per schedule,
-- day and start among open slots only, so that the changed schedule can make its new slot beside a closed one.
alter table appointment_slot add column open boolean not null default true;
alter table appointment_slot drop constraint appointment_slot_schedule_id_day_starts_key;
create unique index appointment_slot_open_uq on appointment_slot (schedule_id, day, starts) where open;
