-- The program's stdin, line by line into a table (through cat: the unit separator 0x1F never
-- splits a line),
-- then back out. SQL programs get no command-line arguments.
create table input (line text);
.separator "\037" "\n"
.import '|cat' input
select line from input;
