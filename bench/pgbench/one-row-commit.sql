begin;
insert into pgbench_one_row values (1);
commit;
