attach database '/etc/x.db' as x;
create table x.t (i);
