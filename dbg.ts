import { PGlite } from '@electric-sql/pglite';
const db = new PGlite();
console.log(await db.query('select pg_backend_pid() as me, (select count(*) from pg_stat_activity) as n, (select array_agg(pid) from pg_stat_activity) as pids'));
