create table t (id integer primary key, name text not null);
insert into t (id, name) values (1, null);
