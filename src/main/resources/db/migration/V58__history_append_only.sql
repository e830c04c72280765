-- The histories of rectifications (好差评) and complaints (办不成事) are append-only, as the case timeline is.
create function history_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only', tg_table_name using errcode = '23001';
end $$;
create trigger rectification_event_no_update before update or delete on rectification_event
    for each row execute function history_append_only();
create trigger complaint_event_no_update before update or delete on complaint_event
    for each row execute function history_append_only();
