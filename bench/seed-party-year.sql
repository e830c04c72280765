-- A year of party records (党建, issue 9's benchmark data set) for the demo's party organisation (DemoParty:
-- 党组 → 机关委员会 → 第一…第四党支部, 第一党小组), in the shapes the platform stores them (docs/partybuilding.md,
-- migrations V63–V67) and within its rules (attendees are members of the organisation on the day, a lesson's speaker
-- and the secretary it was given by, talks of two, grades once per member and month, …):
--   - the organisation grown to :members members (default 200): a reading group (党小组) more under each of the other
--     three branches, new members spread over the branches and groups (the hall's branch, 第二党支部, the largest);
--     a few who joined the party, came, left or moved between branches during the year; branch secretaries, committee
--     members and party-affairs workers where the demo has none, four more members of the party group, two more of the
--     organ committee, a leader for each new reading group;
--   - 三会一课 and organisational life of each branch: general meetings quarterly, committee meetings, cell meetings
--     and themed party days monthly, party lessons quarterly (by the branch secretary; the party group's secretary
--     gives the August one at his own branch), the organisational life meeting (January) with its rectification list, the democratic
--     appraisal (December), a heart-to-heart talk of the secretary with every member, dual organisational life of the
--     party group's secretary twice; attendance as recorded (every member present or excused where the whole branch
--     is called);
--   - five-level study (五学联动): the central study group twice a month (every fourth an exchange 交流研讨) with the
--     organ committee's members invited, the organ committee monthly (a supervision 督学 of a branch each quarter),
--     each branch and reading group monthly, each member's individual study monthly; two reading lists per branch with
--     their receipts; 4–6 reflections per member (a few only 3); 学习强国 points per member and month, imported per
--     branch and month; an activity per branch and quarter;
--   - monthly assessment of every member with each month's notice published; duty and integrity reports of the role
--     holders; commendations of 七一 (advanced branches, vanguard posts at the city hall's windows, outstanding party
--     workers and members); external honours (provincial, city, one national of a branch); the vanguard posts held;
--     volunteer duty at the city hall (two members on each of two shifts every working day, signed in).
-- Everything lies in :year (default 2025) and before today (Asia/Shanghai). Deterministic (hashes, no random()): the
-- same rows on every run. Refused (nothing written) when the year's party data is there already (a membership
-- recorded by 'bench').
-- Run after the platform's demo data (DemoParty, DemoStudy; the city hall's windows).
-- psql -v year=2025 -v members=200 -f bench/seed-party-year.sql
\set ON_ERROR_STOP on
\if :{?year}
\else
\set year 2025
\endif
\if :{?members}
\else
\set members 200
\endif
select exists (select 1 from oneseal.party_membership where recorded_by = 'bench') as party_year_seeded \gset
\if :party_year_seeded
\echo bench/seed-party-year.sql: party data of the year already there, nothing done
\quit
\endif
begin;

-- the first working day on or after d (the working-day calendar: holidays, make-up days)
create function pg_temp.workday(d date) returns date language sql stable as $$
    select min(x::date) from generate_series(d, d + 20, interval '1 day') x
    left join oneseal.calendar_day c on c.date = x::date
    where (extract(isodow from x) < 6 and coalesce(c.kind, '') <> 'HOLIDAY') or coalesce(c.kind, '') = 'MAKEUP_WORKDAY' $$;
create function pg_temp.h(a bigint, b bigint, seed int) returns bigint language sql immutable as $$
    select abs(hashint8extended(a * 1000003 + b, seed)) $$;

create temporary table seed_year as
    select (:'year' || '-01-01')::date as first, least((:'year' || '-12-31')::date,
           (now() at time zone 'Asia/Shanghai')::date - 1) as last,
           (now() at time zone 'Asia/Shanghai')::date as today,
           (:'year' || '-01-01 09:00:00+08')::timestamptz as t0;

-- the demo's organisation, by kind and name
create temporary table seed_org as
    select o.id, o.kind, o.parent_id, o.name,
           case when o.kind = 'GROUP' then 'group' when o.kind = 'ORGAN_COMMITTEE' then 'committee'
                when o.kind = 'BRANCH' and o.name like '第一党支部%' then 'b1'
                when o.kind = 'BRANCH' and o.name like '第二党支部%' then 'b2'
                when o.kind = 'BRANCH' and o.name like '第三党支部%' then 'b3'
                when o.kind = 'BRANCH' and o.name like '第四党支部%' then 'b4' end as tag
    from oneseal.party_org o where o.dissolved_on is null;
do $$ begin
    if (select count(distinct tag) from seed_org where tag is not null) <> 6 then
        raise exception 'bench/seed-party-year.sql: the demo party organisation (党组, 机关委员会, 第一…第四党支部) is not there';
    end if;
end $$;

-- a reading group more under each of the other branches
insert into oneseal.party_org (parent_id, kind, name, founded_on, created_at, created_by)
select b.id, 'CELL', v.name, date '2019-03-01', now(), 'bench'
from (values ('b2', '第二党小组（窗口服务）'), ('b3', '第三党小组（项目代办）'), ('b4', '第四党小组（机关后勤）')) v (tag, name)
join seed_org b on b.tag = v.tag
on conflict do nothing;
insert into seed_org
select o.id, o.kind, o.parent_id, o.name, 'c' || right(b.tag, 1)
from oneseal.party_org o join seed_org b on b.id = o.parent_id and b.tag like 'b_'
where o.kind = 'CELL' and o.dissolved_on is null;
-- units members belong to: the branches and their cells (the hall's branch and its group twice as often)
create temporary table seed_unit as
    select row_number() over (order by ord) - 1 as k, u.id as org_id, coalesce(p.id, u.id) as branch_id
    from (values (1, 'b1'), (2, 'c1'), (3, 'b2'), (4, 'c2'), (5, 'b2'), (6, 'c2'), (7, 'b3'), (8, 'c3'), (9, 'b4'),
                 (10, 'c4')) v (ord, tag)
    join seed_org u on u.tag = v.tag and (u.tag like 'b_' or u.id = (select min(id) from seed_org c where c.tag = v.tag))
    left join seed_org p on p.id = u.parent_id and u.kind = 'CELL';

-- the new members: k = 1 … :members − the demo's; k % 40 = 0 joined the party this year, 1 transferred in, 2
-- transferred out, 3 moved to another branch
create temporary table seed_member as
    select nextval(pg_get_serial_sequence('oneseal.party_member', 'id')) as id, k,
           (array['王','李','张','刘','陈','杨','黄','赵','吴','周','徐','孙','马','朱','胡','郭','何','林','罗','高',
                  '郑','梁','谢','宋','唐','许','韩','冯','邓','曹'])[1 + k % 30]
           || (array['伟','芳','娜','敏','静','丽','强','磊','军','洋','勇','艳','杰','娟','涛','明','超','秀英','华',
                     '慧','建华','晓东','志强','海燕','文博','雨涵','子轩','思远','佳怡','浩然','欣怡','俊杰','嘉欣',
                     '一鸣','晨曦','立新','国庆','红梅','春燕','建国'])[1 + (k * 7 + k / 30) % 40] as name,
           k % 40 as fate,
           pg_temp.h(k, 0, 41) as h
    from generate_series(1, greatest(0, :members - (select count(*) from oneseal.party_member))) k;
alter table seed_member add column unit_k int, add column since date, add column until date, add column moved_on date,
    add column joined date;
update seed_member m set unit_k = (m.h % 10)::int,
    since = case when m.fate = 0 then y.first + (m.h % 240)::int
                 when m.fate = 1 then y.first + 30 + (m.h % 240)::int
                 else date '2019-03-01' + (m.h % 2000)::int end,
    until = case when m.fate = 2 then y.first + 60 + (m.h % 250)::int end,
    moved_on = case when m.fate = 3 then y.first + 90 + (m.h % 180)::int end,
    joined = case when m.fate = 0 then y.first + (m.h % 240)::int
                  else date '1988-07-01' + (m.h % 12500)::int end
from seed_year y;
-- what lies after yesterday does not happen
update seed_member m set until = null from seed_year y where m.until >= y.today;
update seed_member m set moved_on = null from seed_year y where m.moved_on >= y.today;
delete from seed_member m using seed_year y where m.since >= y.today;

insert into oneseal.party_member (id, name, account_id, category, joined_party_on, created_at)
overriding system value
select m.id, m.name, null, case when m.joined > (select today from seed_year) - 365 then 'PROBATIONARY' else 'FULL' end,
       m.joined, m.since::timestamp at time zone 'Asia/Shanghai'
from seed_member m;

insert into oneseal.party_membership (member_id, org_id, since, how_in, came_from, until, how_out, went_to, recorded_by,
        recorded_at)
select m.id, u.org_id, m.since,
       case m.fate when 0 then 'JOINED' else 'TRANSFER_IN' end,
       case when m.fate = 0 then null when m.fate = 1 then '示范市发展和改革委员会机关党支部' else '原单位党组织' end,
       coalesce(m.until, m.moved_on - 1),
       case when m.until is not null then 'TRANSFER_OUT' when m.moved_on is not null then 'MOVED' end,
       case when m.until is not null then '示范市市场监督管理局机关党委' end,
       'bench', m.since::timestamp at time zone 'Asia/Shanghai'
from seed_member m join seed_unit u on u.k = m.unit_k;
-- the moved: on to the next branch (its own unit, not a cell)
insert into oneseal.party_membership (member_id, org_id, since, how_in, came_from, recorded_by, recorded_at)
select m.id, nb.org_id, m.moved_on, 'MOVED', null, 'bench', m.moved_on::timestamp at time zone 'Asia/Shanghai'
from seed_member m join seed_unit u on u.k = m.unit_k
join lateral (select x.org_id from seed_unit x where x.branch_id <> u.branch_id and x.org_id = x.branch_id
              order by x.k limit 1) nb on true
where m.moved_on is not null;

-- every stay in the tree (the demo's members too), with its branch
create temporary table seed_stay as
    select s.member_id, s.org_id, coalesce(case when o.kind = 'CELL' then o.parent_id end, s.org_id) as branch_id,
           o.kind as org_kind, s.since, coalesce(s.until, date '9999-12-31') as until
    from oneseal.party_membership s join oneseal.party_org o on o.id = s.org_id;
create index on seed_stay (org_id, since);
create index on seed_stay (branch_id, since);
create index on seed_stay (member_id);
analyze seed_stay;
-- members there the whole year, in a stable order
create temporary table seed_stable as
    select row_number() over (order by s.member_id) - 1 as k, s.member_id, s.org_id, s.branch_id, s.org_kind
    from seed_stay s cross join seed_year y
    where s.since <= y.first and s.until >= y.last;

-- roles where the demo has none: secretaries of branches 2–4, two committee members and a party-affairs worker per
-- branch (members of the branch itself), leaders of the new reading groups, four more members of the party group,
-- two more of the organ committee
create temporary table seed_ranked as
    select s.*, row_number() over (partition by s.org_id order by s.member_id) as r
    from seed_stable s
    where s.member_id in (select id from seed_member);
insert into oneseal.party_role (member_id, org_id, role, since, recorded_by)
select r.member_id, r.org_id, v.role, date '2019-03-01', 'bench'
from seed_ranked r
join (values (1, 'SECRETARY'), (2, 'COMMITTEE_MEMBER'), (3, 'COMMITTEE_MEMBER'), (4, 'PARTY_AFFAIRS_WORKER'))
     v (r, role) on v.r = r.r
where r.org_kind = 'BRANCH'
  and not exists (select 1 from oneseal.party_role x where x.org_id = r.org_id and x.role = v.role and x.until is null
                  and v.role in ('SECRETARY', 'PARTY_AFFAIRS_WORKER'))
on conflict do nothing;
insert into oneseal.party_role (member_id, org_id, role, since, recorded_by)
select r.member_id, r.org_id, 'CELL_LEADER', date '2019-03-01', 'bench'
from seed_ranked r
where r.org_kind = 'CELL' and r.r = 1
  and not exists (select 1 from oneseal.party_role x where x.org_id = r.org_id and x.role = 'CELL_LEADER' and x.until is null)
on conflict do nothing;
insert into oneseal.party_role (member_id, org_id, role, since, recorded_by)
select r.member_id, g.id, 'COMMITTEE_MEMBER', date '2019-03-01', 'bench'
from seed_ranked r join seed_org g on g.tag = 'group'
where r.org_kind = 'BRANCH' and r.r = 5
on conflict do nothing;
insert into oneseal.party_role (member_id, org_id, role, since, recorded_by)
select r.member_id, c.id, 'COMMITTEE_MEMBER', date '2019-03-01', 'bench'
from seed_ranked r join seed_org c on c.tag = 'committee'
join seed_org b on b.id = r.org_id and b.tag in ('b1', 'b3')
where r.r = 6
on conflict do nothing;
-- the year's roles (all open, all since 2019)
create temporary table seed_role as
    select r.member_id, r.org_id, r.role, o.tag from oneseal.party_role r join seed_org o on o.id = r.org_id
    where r.until is null;
create temporary table seed_secretary as
    select distinct on (r.org_id) r.org_id as branch_id, r.member_id
    from seed_role r where r.role = 'SECRETARY' and r.tag like 'b_' order by r.org_id, r.member_id;
create temporary table seed_leader as
    select r.member_id, r.org_id as group_id from seed_role r where r.tag = 'group' and r.role = 'SECRETARY' limit 1;

-- ------------------------------------------------------------------------------------------ 三会一课
create temporary table seed_meeting as
    select nextval(pg_get_serial_sequence('oneseal.party_meeting', 'id')) as id, x.*, null::bigint as partner_id
    from (
        -- general meetings, quarterly; committee meetings, themed party days monthly; lessons quarterly
        select b.id as branch_id, null::bigint as cell_id, v.kind,
               pg_temp.workday(make_date(:year, m, v.dom)) as held_on, m, v.topic
        from seed_org b
        cross join generate_series(1, 12) m
        join (values ('BRANCH_GENERAL_MEETING', 15, 3, '支部党员大会：季度工作总结与下季度安排'),
                     ('BRANCH_COMMITTEE_MEETING', 8, 1, '支委会：研究本月党建工作与发展党员事项'),
                     ('THEMED_PARTY_DAY', 3, 1, '主题党日：重温入党誓词，开展志愿服务'),
                     ('PARTY_LESSON', 25, 3, '党课：以高质量党建引领政务服务提质增效')) v (kind, dom, every, topic)
             on m % v.every = case v.kind when 'PARTY_LESSON' then 2 else 0 end
        where b.tag like 'b_'
        union all
        select b.id, c.id, 'CELL_MEETING', pg_temp.workday(make_date(:year, m, 20)), m, '党小组会：交流学习体会，查摆工作不足'
        from seed_org c join seed_org b on b.id = c.parent_id cross join generate_series(1, 12) m
        where c.tag like 'c_'
        union all
        select b.id, null, 'ORGANISATIONAL_LIFE_MEETING', pg_temp.workday(make_date(:year, 1, 20)), 1,
               '年度组织生活会：对照检查，开展批评和自我批评'
        from seed_org b where b.tag like 'b_'
        union all
        select b.id, null, 'DEMOCRATIC_APPRAISAL', pg_temp.workday(make_date(:year, 12, 18)), 12, '民主评议党员'
        from seed_org b where b.tag like 'b_'
        union all
        -- the party group's secretary at his own branch as an ordinary member (双重组织生活), April and October
        select st.branch_id, null, 'DUAL_ORGANISATIONAL_LIFE', pg_temp.workday(make_date(:year, m, 16)), m,
               '双重组织生活：参加所在支部学习研讨'
        from seed_leader l join seed_stay st on st.member_id = l.member_id and st.until = date '9999-12-31'
        cross join (values (4), (10)) v (m)
    ) x
    where x.held_on <= (select last from seed_year);
-- a talk of the branch's secretary with each member of the branch (谈心谈话), spread from April
insert into seed_meeting
select nextval(pg_get_serial_sequence('oneseal.party_meeting', 'id')), s.branch_id, null, 'HEART_TO_HEART_TALK', d.day,
       extract(month from d.day)::int, '谈心谈话：思想、工作和生活情况', s.member_id
from seed_stay s join seed_secretary sec on sec.branch_id = s.branch_id and sec.member_id <> s.member_id
cross join seed_year y
cross join lateral (select pg_temp.workday(y.first + 90 + (pg_temp.h(s.member_id, 0, 42) % 200)::int) as day) d
where d.day between s.since and s.until and d.day between y.first and y.last
  and exists (select 1 from seed_stay x where x.member_id = sec.member_id and d.day between x.since and x.until
              and x.branch_id = s.branch_id);

insert into oneseal.party_meeting (id, branch_id, cell_id, kind, held_on, topic, first_agenda_item, first_agenda_topic,
        speaker_id, speaker_name, speaker_secretary_of, leader_id, minutes, recorded_by, recorded_at)
overriding system value
select m.id, m.branch_id, m.cell_id, m.kind, m.held_on, m.topic,
       m.kind in ('BRANCH_GENERAL_MEETING', 'BRANCH_COMMITTEE_MEETING', 'CELL_MEETING', 'THEMED_PARTY_DAY',
                  'ORGANISATIONAL_LIFE_MEETING'),
       case when m.kind in ('BRANCH_GENERAL_MEETING', 'BRANCH_COMMITTEE_MEETING', 'CELL_MEETING', 'THEMED_PARTY_DAY',
                            'ORGANISATIONAL_LIFE_MEETING') then '学习习近平总书记最新重要讲话和重要指示批示精神' end,
       sp.speaker_id, null, sp.secretary_of,
       case when m.kind = 'DUAL_ORGANISATIONAL_LIFE' then (select member_id from seed_leader) end,
       '会议由支部书记主持，' || m.topic || '。与会党员结合工作实际作了发言。',
       'bench', (m.held_on + time '18:00') at time zone 'Asia/Shanghai'
from seed_meeting m
left join lateral (
    -- the August lesson of the leader's branch is given by the party group's secretary, the others by the branch's
    select case when m.m = 8 and l.member_id is not null then l.member_id else s.member_id end as speaker_id,
           case when m.m = 8 and l.member_id is not null then l.group_id else m.branch_id end as secretary_of
    from seed_secretary s
    left join (select l.* from seed_leader l join seed_stay st on st.member_id = l.member_id
               where st.branch_id = m.branch_id and m.held_on between st.since and st.until) l on true
    where s.branch_id = m.branch_id) sp on m.kind = 'PARTY_LESSON';

-- attendance: the whole branch (or cell) called — present or excused; the committee — its role holders; lessons,
-- themed days, dual organisational life — those who came; a talk — the secretary and the member
insert into oneseal.party_meeting_attendance (meeting_id, member_id, present, absence_reason)
select m.id, s.member_id, x.present,
       case when not x.present then (array['出差', '病假', '公务外出', '年休假', '参加上级培训'])[1 + (x.h / 100 % 5)::int] end
from seed_meeting m
join seed_stay s on (case when m.cell_id is not null then s.org_id = m.cell_id else s.branch_id = m.branch_id end)
                and m.held_on between s.since and s.until
cross join lateral (select pg_temp.h(m.id, s.member_id, 43) as h) hh
cross join lateral (select hh.h, hh.h % 100 < 93 as present) x
where m.kind in ('BRANCH_GENERAL_MEETING', 'CELL_MEETING', 'ORGANISATIONAL_LIFE_MEETING', 'DEMOCRATIC_APPRAISAL')
union all
select m.id, s.member_id, true, null
from seed_meeting m
join seed_stay s on s.branch_id = m.branch_id and m.held_on between s.since and s.until
where m.kind = 'BRANCH_COMMITTEE_MEETING'
  and exists (select 1 from seed_role r where r.member_id = s.member_id and r.org_id = m.branch_id)
union all
select m.id, s.member_id, true, null
from seed_meeting m
join seed_stay s on s.branch_id = m.branch_id and m.held_on between s.since and s.until
where m.kind in ('PARTY_LESSON', 'THEMED_PARTY_DAY', 'DUAL_ORGANISATIONAL_LIFE')
  and (pg_temp.h(m.id, s.member_id, 44) % 100 < 88
       or s.member_id = (select member_id from seed_leader) and m.kind = 'DUAL_ORGANISATIONAL_LIFE')
union all
select m.id, p.member_id, true, null
from seed_meeting m
join seed_secretary sec on sec.branch_id = m.branch_id
cross join lateral (values (sec.member_id), (m.partner_id)) p (member_id)
where m.kind = 'HEART_TO_HEART_TALK';

-- the organisational life meeting's rectification list: four items per branch, done within the deadline
create temporary table seed_rect_list as
    select nextval(pg_get_serial_sequence('oneseal.party_rectification_list', 'id')) as id, m.id as meeting_id,
           m.branch_id, m.held_on
    from seed_meeting m where m.kind = 'ORGANISATIONAL_LIFE_MEETING';
insert into oneseal.party_rectification_list (id, branch_id, meeting_id, title, base_date, created_by, created_at)
overriding system value
select l.id, l.branch_id, l.meeting_id, (:year - 1) || '年度组织生活会整改清单', l.held_on, 'bench',
       (l.held_on + time '18:30') at time zone 'Asia/Shanghai'
from seed_rect_list l;
create temporary table seed_rect_item as
    select nextval(pg_get_serial_sequence('oneseal.party_rectification_item', 'id')) as id, l.id as list_id, l.held_on, i,
           (select s.member_id from seed_stay s where s.branch_id = l.branch_id and s.since <= l.held_on
            and s.until >= l.held_on + 90 order by pg_temp.h(s.member_id, i, 45) limit 1) as owner_id,
           (array['理论学习不够深入系统', '服务群众的主动性还不够强', '联系群众的渠道还不够多', '工作创新意识不足'])[i] as problem,
           (array['制定个人学习计划，每月精读一篇重要文献', '推行首问负责和帮办代办，每月走访企业',
                  '每季度开展一次窗口服务满意度回访', '围绕“高效办成一件事”提出改进措施'])[i] as measure
    from seed_rect_list l cross join generate_series(1, 4) i;
insert into oneseal.party_rectification_item (id, list_id, problem, measure, owner_id, deadline, working_days, status,
        evidence, closed_on, closed_by, created_by, created_at)
overriding system value
select i.id, i.list_id, i.problem, i.measure, i.owner_id, i.held_on + 60, null, 'DONE',
       '已按措施完成整改：' || i.measure || '（见支部台账）', i.held_on + 30 + (pg_temp.h(i.id, 0, 46) % 28)::int,
       'bench', 'bench', (i.held_on + time '18:30') at time zone 'Asia/Shanghai'
from seed_rect_item i where i.owner_id is not null;
insert into oneseal.party_rectification_event (item_id, kind, note, actor, at)
select i.id, e.kind, e.note, 'bench', e.at
from oneseal.party_rectification_item i join seed_rect_item s on s.id = i.id
cross join lateral (values ('CREATED', null, i.created_at),
                           ('EVIDENCE', i.evidence, (i.closed_on + time '16:00') at time zone 'Asia/Shanghai'),
                           ('CLOSED', null, (i.closed_on + time '16:05') at time zone 'Asia/Shanghai')) e (kind, note, at);

-- ------------------------------------------------------------------------------------------ study
create temporary table seed_session as
    select nextval(pg_get_serial_sequence('oneseal.party_study_session', 'id')) as id, x.*
    from (
        -- the central study group twice a month, every fourth an exchange
        select g.id as org_id, 'GROUP' as level, case when n % 4 = 3 then 'DISCUSSION' else 'SESSION' end as kind,
               pg_temp.workday((select first from seed_year) + 9 + n * 15) as held_on, n,
               null::bigint as supervised_org_id,
               case when n % 4 = 3 then '交流研讨：以“高效办成一件事”为牵引深化审批制度改革'
                    else '党组理论学习中心组集体学习：学习贯彻习近平新时代中国特色社会主义思想' end as topic
        from seed_org g cross join generate_series(0, 23) n where g.tag = 'group'
        union all
        -- the organ committee monthly; each quarter's last a supervision of a branch's study (督学)
        select c.id, 'COMMITTEE', 'SESSION', pg_temp.workday(make_date(:year, n, 12)), n,
               case when n % 3 = 0 then (select b.id from seed_org b where b.tag = 'b' || (n / 3)) end,
               case when n % 3 = 0 then '机关党委督学：检查支部学习制度落实情况' else '机关党委集体学习：党纪学习教育' end
        from seed_org c cross join generate_series(1, 12) n where c.tag = 'committee'
        union all
        select b.id, 'BRANCH', 'SESSION', pg_temp.workday(make_date(:year, n, 10)), n, null, '支部集体学习：党章党规和业务知识'
        from seed_org b cross join generate_series(1, 12) n where b.tag like 'b_'
        union all
        select c.id, 'CELL', case when n % 2 = 0 then 'DISCUSSION' else 'SESSION' end,
               pg_temp.workday(make_date(:year, n, 22)), n, null, '读书研讨：共读《习近平谈治国理政》并交流体会'
        from seed_org c cross join generate_series(1, 12) n where c.tag like 'c_'
    ) x
    where x.held_on <= (select last from seed_year);
-- each member's own study (自学) once a month while in the tree
create temporary table seed_individual as
    select nextval(pg_get_serial_sequence('oneseal.party_study_session', 'id')) as id, s.member_id, s.org_id, d.day
    from seed_stay s cross join seed_year y cross join generate_series(1, 12) n
    cross join lateral (select make_date(:year, n, 3 + (pg_temp.h(s.member_id, n, 47) % 24)::int) as day) d
    where d.day between s.since and s.until and d.day between y.first and y.last;

insert into oneseal.party_study_session (id, org_id, level, kind, held_on, topic, documents, first_agenda_item,
        guest_speakers, supervised_org_id, notes, recorded_by, recorded_at)
overriding system value
select s.id, s.org_id, s.level, s.kind, s.held_on, s.topic,
       '习近平总书记最新重要讲话' || chr(10) || '中央和省委有关文件', s.level in ('GROUP', 'COMMITTEE'),
       case when s.level = 'GROUP' and s.n % 6 = 1 then '市委党校教授' end, s.supervised_org_id, null,
       'bench', (s.held_on + time '17:30') at time zone 'Asia/Shanghai'
from seed_session s
union all
select i.id, i.org_id, 'INDIVIDUAL', 'SESSION', i.day, '个人自学：学习强国专题学习', '学习强国专题文章', false, null, null,
       null, 'bench', (i.day + time '20:00') at time zone 'Asia/Shanghai'
from seed_individual i;

insert into oneseal.party_study_attendance (session_id, member_id, invited, spoke)
-- the group and the committee: their role holders, the committee's invited to the group's (列席)
select s.id, r.member_id, false, r.role = 'SECRETARY' or pg_temp.h(s.id, r.member_id, 48) % 100 < 30
from seed_session s join seed_role r on r.org_id = s.org_id
where s.level in ('GROUP', 'COMMITTEE') and pg_temp.h(s.id, r.member_id, 49) % 100 < 95
union
select s.id, r.member_id, true, s.kind = 'DISCUSSION' and pg_temp.h(s.id, r.member_id, 48) % 100 < 50
from seed_session s join seed_org c on c.tag = 'committee' join seed_role r on r.org_id = c.id
where s.level = 'GROUP' and s.n % 2 = 0
  and not exists (select 1 from seed_role x where x.member_id = r.member_id and x.org_id = s.org_id)
union
-- a supervision: the branch's members attend as of right; a branch's, a cell's: its members who came
select s.id, st.member_id, false, st.member_id in (select member_id from seed_secretary)
from seed_session s
join seed_stay st on s.held_on between st.since and st.until
                 and (case when s.level = 'COMMITTEE' then st.branch_id = s.supervised_org_id
                           when s.level = 'BRANCH' then st.branch_id = s.org_id else st.org_id = s.org_id end)
where (s.level in ('BRANCH', 'CELL') or s.supervised_org_id is not null)
  and pg_temp.h(s.id, st.member_id, 50) % 100 < 90
  and not exists (select 1 from seed_role x where x.member_id = st.member_id and x.org_id = s.org_id
                  and s.level = 'COMMITTEE')
union
select i.id, i.member_id, false, false from seed_individual i;

-- reading lists, February and August, to the branch's members of the day; 92 % confirmed within ten days
create temporary table seed_list as
    select nextval(pg_get_serial_sequence('oneseal.party_reading_list', 'id')) as id, b.id as org_id,
           pg_temp.workday(make_date(:year, m, 20)) as issued_on, m
    from seed_org b cross join (values (2), (8)) v (m)
    where b.tag like 'b_' and pg_temp.workday(make_date(:year, m, 20)) <= (select last from seed_year);
insert into oneseal.party_reading_list (id, org_id, title, issued_on, titles, recorded_by, recorded_at)
overriding system value
select l.id, l.org_id, case when l.m = 2 then '上半年学习书目' else '下半年学习书目' end, l.issued_on,
       '《习近平谈治国理政》第五卷' || chr(10) || '《中国共产党章程》' || chr(10) || '《中国共产党纪律处分条例》',
       'bench', (l.issued_on + time '10:00') at time zone 'Asia/Shanghai'
from seed_list l;
insert into oneseal.party_reading_receipt (list_id, member_id, confirmed_at, confirmed_by, by_member)
select l.id, s.member_id, c.at, case when c.at is not null then 'bench' end, case when c.at is not null then c.own end
from seed_list l
join seed_stay s on s.branch_id = l.org_id and l.issued_on between s.since and s.until
cross join lateral (select case when pg_temp.h(l.id, s.member_id, 51) % 100 < 92
                                then ((l.issued_on + (1 + pg_temp.h(l.id, s.member_id, 52) % 10)::int) + time '09:30')
                                     at time zone 'Asia/Shanghai' end as at,
                           pg_temp.h(l.id, s.member_id, 53) % 100 < 85 as own) c
where c.at is null or c.at < now();

-- reflections: 4–6 a member over the year (one in twenty-five only 3), on days the member was in the tree
insert into oneseal.party_reflection (member_id, written_on, title, body, by_member, recorded_by, recorded_at)
select m.member_id, d.day,
       (array['学习贯彻新思想的体会', '践行为民宗旨的思考', '党纪学习教育心得', '优化营商环境的实践与思考',
              '“高效办成一件事”学习体会', '窗口服务中的初心使命'])[1 + ((m.member_id + i) % 6)::int],
       repeat('通过学习，进一步加深了对党的创新理论的理解，结合政务服务工作实际，查找不足，明确努力方向。', 6),
       pg_temp.h(m.member_id, i, 54) % 100 < 90, 'bench', (d.day + time '21:00') at time zone 'Asia/Shanghai'
from (select distinct member_id from seed_stay) m
cross join seed_year y
cross join lateral (select case when pg_temp.h(m.member_id, 0, 55) % 25 = 0 then 3
                                else 4 + (pg_temp.h(m.member_id, 0, 56) % 3)::int end as n) c
cross join generate_series(1, c.n) i
cross join lateral (select y.first + ((i - 1) * 360 / c.n) + (pg_temp.h(m.member_id, i, 57) % (360 / c.n))::int as day) d
where d.day <= y.last
  and exists (select 1 from seed_stay s where s.member_id = m.member_id and d.day between s.since and s.until);

-- 学习强国 points: one import per branch and month, a row per member of the branch on the month's 15th
create temporary table seed_import as
    select nextval(pg_get_serial_sequence('oneseal.party_points_import', 'id')) as id, b.id as org_id,
           make_date(:year, m, 1) as period
    from seed_org b cross join generate_series(1, 12) m
    where b.tag like 'b_' and make_date(:year, m, 1) + interval '1 month' + interval '3 days'
                              <= (select today from seed_year);
create temporary table seed_points as
    select distinct on (s.member_id, i.period) i.id as import_id, i.org_id, s.member_id, i.period,
           case when s.member_id = (select member_id from seed_leader) then 1500 + pg_temp.h(s.member_id, extract(month from i.period)::int, 58) % 300
                else 600 + pg_temp.h(s.member_id, extract(month from i.period)::int, 58) % 1200 end as points
    from seed_import i join seed_stay s on s.branch_id = i.org_id and (i.period + 14) between s.since and s.until
    order by s.member_id, i.period, i.id;
insert into oneseal.party_points_import (id, org_id, file_name, periods, row_count, replaced, imported_by, imported_at)
overriding system value
select i.id, i.org_id, '学习强国积分-' || to_char(i.period, 'YYYY-MM') || '.csv', to_char(i.period, 'YYYY-MM'),
       (select count(*) from seed_points p where p.import_id = i.id), 0, 'bench',
       ((i.period + interval '1 month')::date + 2 + time '10:00') at time zone 'Asia/Shanghai'
from seed_import i;
insert into oneseal.party_study_points (member_id, period, points, org_id, import_id)
select member_id, period, points, org_id, import_id from seed_points;

-- an activity per branch and quarter, 60 % of the branch taking part
create temporary table seed_activity as
    select nextval(pg_get_serial_sequence('oneseal.party_activity', 'id')) as id, b.id as org_id, q,
           pg_temp.workday(make_date(:year, q * 3 - 1, 14)) as held_on
    from seed_org b cross join generate_series(1, 4) q
    where b.tag like 'b_' and pg_temp.workday(make_date(:year, q * 3 - 1, 14)) <= (select last from seed_year);
insert into oneseal.party_activity (id, org_id, kind, held_on, title, place, notes, recorded_by, recorded_at)
overriding system value
select a.id, a.org_id, (array['VISIT', 'EXHIBITION', 'COMPETITION', 'FIELD_STUDY'])[a.q], a.held_on,
       (array['参观革命传统教育基地', '观看廉政教育展览', '党史知识竞赛', '赴基层便民服务站践学'])[a.q],
       (array['示范市革命历史纪念馆', '示范市廉政教育馆', '局机关会议室', '南溪县便民服务中心'])[a.q], null,
       'bench', (a.held_on + time '17:00') at time zone 'Asia/Shanghai'
from seed_activity a;
insert into oneseal.party_activity_participant (activity_id, member_id)
select a.id, s.member_id
from seed_activity a join seed_stay s on s.branch_id = a.org_id and a.held_on between s.since and s.until
where pg_temp.h(a.id, s.member_id, 59) % 100 < 60;

-- ------------------------------------------------------------------------------------------ assessment, recognition
-- a grade per member and month (by the branch of the month's 15th), each month's notice published on the 5th after
insert into oneseal.party_assessment (month, member_id, org_id, grade, comment, recorded_by, recorded_at)
select distinct on (s.member_id, mo.month) mo.month, s.member_id, s.branch_id, g.grade,
       case g.grade when 'EXCELLENT' then '工作积极主动，服务对象评价好' when 'POOR' then '未按要求参加组织生活' end,
       'bench', ((mo.month + interval '1 month')::date + time '10:00') at time zone 'Asia/Shanghai'
from generate_series(1, 12) m
cross join lateral (select make_date(:year, m, 1) as month) mo
join seed_stay s on mo.month + 14 between s.since and s.until
cross join lateral (select pg_temp.h(s.member_id, m, 60) % 100 as x) h
cross join lateral (select case when h.x < 12 then 'EXCELLENT' when h.x < 85 then 'GOOD' when h.x < 98 then 'FAIR'
                                else 'POOR' end as grade) g
where (mo.month + interval '1 month')::date < (select today from seed_year)
order by s.member_id, mo.month, s.since desc;
insert into oneseal.party_assessment_notice (month, committee_id, published_on, published_by, published_at)
select mo.month, c.id, (mo.month + interval '1 month')::date + 4, 'party02',
       ((mo.month + interval '1 month')::date + 4 + time '15:00') at time zone 'Asia/Shanghai'
from generate_series(1, 12) m cross join lateral (select make_date(:year, m, 1) as month) mo
join seed_org c on c.tag = 'committee'
where (mo.month + interval '1 month')::date + 4 < (select today from seed_year)
  and exists (select 1 from oneseal.party_assessment a where a.month = mo.month)
on conflict do nothing;

-- duty and integrity reports of the year's role holders, in January after it
insert into oneseal.party_duty_report (member_id, year, text, attachment_name, attachment, submitted_by, own,
        submitted_at)
select distinct r.member_id, :year, :year || '年度述职述廉报告：履行党建工作职责、廉洁自律情况及下一步打算。', null::varchar, null::bytea,
       'bench', true, least(make_date(:year + 1, 1, 10) + time '10:00', now() at time zone 'Asia/Shanghai' - interval '1 hour')
           at time zone 'Asia/Shanghai'
from seed_role r
where make_date(:year + 1, 1, 1) <= (select today from seed_year)
on conflict do nothing;

-- 七一 commendations of the party group
insert into oneseal.party_commendation (kind, year, awarded_on, awarding_body, document_no, org_id, member_id, window_id,
        recorded_by, recorded_at)
select x.kind, :year, x.day, '中共示范市行政审批局党组', '示审党发〔' || :year || '〕15号', x.org_id, x.member_id,
       x.window_id, 'bench', (x.day + time '16:00') at time zone 'Asia/Shanghai'
from (
    select 'ADVANCED_BRANCH' as kind, make_date(:year, 6, 27) as day, b.id as org_id, null::bigint as member_id,
           null::bigint as window_id
    from seed_org b where b.tag in ('b1', 'b2')
    union all
    select 'VANGUARD_POST', make_date(:year, 6, 27), null, v.member_id, w.window_id
    from (select s.member_id, row_number() over (order by s.member_id) as r
          from seed_stable s join seed_org b on b.id = s.branch_id and b.tag = 'b2'
          where s.member_id in (select id from seed_member)) v
    join (select u.id as window_id, row_number() over (order by u.code) as r from oneseal.org_unit u
          where u.code in ('SF-CK01', 'SF-CK02', 'SF-RC') and u.active) w on w.r = v.r
    union all
    select 'OUTSTANDING_PARTY_WORKER', make_date(:year, 6, 27), null, r.member_id, null
    from (select distinct member_id from seed_role where role in ('PARTY_AFFAIRS_WORKER', 'SECRETARY') and tag like 'b_'
          order by member_id limit 3) r
    union all
    select 'OUTSTANDING_MEMBER', make_date(:year, 6, 27), null, s.member_id, null
    from seed_stable s where s.k % 15 = 7
) x
where x.day <= (select last from seed_year)
on conflict do nothing;
-- the vanguard posts those members hold at the windows
insert into oneseal.party_vanguard_post (window_id, member_id, since, until, recorded_by, recorded_at)
select c.window_id, c.member_id, make_date(:year, 3, 1), null, 'bench', make_date(:year, 3, 1)::timestamp at time zone 'Asia/Shanghai'
from oneseal.party_commendation c
where c.kind = 'VANGUARD_POST' and c.year = :year and c.recorded_by = 'bench'
on conflict do nothing;
-- external honours: provincial, city and county ones of members, a national and a city one of branches
insert into oneseal.party_external_honour (member_id, org_id, honour, level, awarding_body, received_on, recorded_by,
        recorded_at)
select x.member_id, x.org_id, x.honour, x.level, x.body, x.day, 'bench', (x.day + time '16:00') at time zone 'Asia/Shanghai'
from (
    select s.member_id, null::bigint as org_id,
           (array['省级优秀共产党员', '省级青年文明号个人', '省政务服务先进个人', '省三八红旗手'])[1 + (s.k / 23 % 4)::int]
               as honour, 'PROVINCIAL' as level, '中共某省委' as body, make_date(:year, 4 + (s.k % 6)::int, 28) as day
    from seed_stable s where s.k % 23 = 5
    union all
    select s.member_id, null, '市级优秀共产党员', 'CITY', '中共示范市委', make_date(:year, 6, 30)
    from seed_stable s where s.k % 17 = 3
    union all
    select s.member_id, null, '县级优秀党务工作者', 'COUNTY', '中共南溪县委', make_date(:year, 7, 1)
    from seed_stable s where s.k % 41 = 11
    union all
    select null, b.id, '全国巾帼文明岗', 'NATIONAL', '全国妇联', make_date(:year, 3, 6) from seed_org b where b.tag = 'b2'
    union all
    select null, b.id, '市级先进基层党组织', 'CITY', '中共示范市委', make_date(:year, 6, 30) from seed_org b where b.tag = 'b3'
) x
where x.day <= (select last from seed_year) and x.honour is not null
on conflict do nothing;

-- ------------------------------------------------------------------------------------------ volunteer duty
create temporary table seed_roster as
    select nextval(pg_get_serial_sequence('oneseal.party_volunteer_roster', 'id')) as id, c.id as org_id
    from seed_org c where c.tag = 'committee';
insert into oneseal.party_volunteer_roster (id, org_id, place, place_kind, starts_on, ends_on, created_by, created_at)
overriding system value
select r.id, r.org_id, '示范市政务服务大厅', 'HALL', y.first, (:'year' || '-12-31')::date, 'bench',
       (y.first - 5)::timestamp at time zone 'Asia/Shanghai'
from seed_roster r cross join seed_year y;
insert into oneseal.party_volunteer_shift (roster_id, name, starts_at, ends_at)
select r.id, v.name, v.s, v.e from seed_roster r
cross join (values ('上午', time '09:00', time '12:00'), ('下午', time '14:00', time '17:00')) v (name, s, e);
-- every working day two members on each shift, in turn; 90 % sign in themselves, 6 % recorded by staff with a
-- reason, 4 % not signed in
insert into oneseal.party_volunteer_duty (shift_id, day, member_id, assigned_by, assigned_at, signed_in_at, signed_in_by,
        reason)
select sh.id, d.day, st.member_id, 'bench', ((d.day - 7) + time '10:00') at time zone 'Asia/Shanghai',
       case when x.h % 100 < 90 then ((d.day + sh.starts_at) - make_interval(mins => 10 - (x.h / 100 % 20)::int))
                                     at time zone 'Asia/Shanghai'
            when x.h % 100 < 96 then ((d.day + sh.ends_at) + interval '30 minutes') at time zone 'Asia/Shanghai' end,
       case when x.h % 100 < 90 then 'bench' when x.h % 100 < 96 then 'party02' end,
       case when x.h % 100 between 90 and 95 then '补录：当班忘记签到，经窗口负责人确认' end
from seed_roster r
join oneseal.party_volunteer_shift sh on sh.roster_id = r.id
cross join seed_year y
cross join lateral (select g::date as day, row_number() over (order by g) as n
                    from generate_series(y.first, y.last, interval '1 day') g
                    where pg_temp.workday(g::date) = g::date) d
cross join generate_series(0, 1) p
join seed_stable st on st.k = (d.n * 4 + case when sh.name = '上午' then 0 else 2 end + p) % (select count(*) from seed_stable)
cross join lateral (select pg_temp.h(sh.id * 1000 + d.n, p, 61) as h) x
on conflict do nothing;

commit;
-- vacuumed as a database in use would be (visibility map for index-only scans; no autovacuum of the
-- seeded tables in the middle of the measurements that follow)
vacuum analyze oneseal.party_member;
vacuum analyze oneseal.party_membership;
vacuum analyze oneseal.party_meeting;
vacuum analyze oneseal.party_meeting_attendance;
vacuum analyze oneseal.party_study_session;
vacuum analyze oneseal.party_study_attendance;
vacuum analyze oneseal.party_reflection;
vacuum analyze oneseal.party_study_points;
vacuum analyze oneseal.party_assessment;
vacuum analyze oneseal.party_volunteer_duty;
