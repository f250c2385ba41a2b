import { PGlite } from '@electric-sql/pglite';

const t = Date.now();
const db = new PGlite();
await db.waitReady;
console.log('ready', Date.now() - t);
console.log(
  (
    await db.query(
      "select to_tsvector('italian','Il pacco non è arrivato, spedizioni') v, to_tsvector('english','deliveries are failing') e",
    )
  ).rows,
);
console.log((await db.query('select version()')).rows);
const d = await db.dumpDataDir('none');
console.log('dump size', d.size, Date.now() - t);
const t2 = Date.now();
const db2 = new PGlite({ loadDataDir: d });
await db2.waitReady;
console.log('clone', Date.now() - t2);
