select 'Hello, World!';
select sqlite_version();
