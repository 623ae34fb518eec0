create table t (b blob);
with recursive n(i) as (select 1 union all select i + 1 from n)
insert into t select zeroblob(1000000) from n;
