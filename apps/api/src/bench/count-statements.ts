import pg from 'pg';

/**
 * Preloaded (`node --import`) into the api and the floor server by the read benchmark, and
 * nowhere else: counts every statement sent to PostgreSQL through node-postgres (TypeORM's
 * pool, the digest reader's, the floor's) and tells the benchmark the count when it asks
 * over the IPC channel. Counting at the driver rather than in TypeORM's logger also counts
 * BEGIN, COMMIT and anything sent around TypeORM, and needs no switch in production code.
 */
let statements = 0;
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function countedQuery(this: pg.Client, ...args: unknown[]) {
  statements += 1;
  return query.apply(this, args);
} as typeof pg.Client.prototype.query;

process.on('message', (message: unknown) => {
  if (message === 'sql-statements') process.send?.({ sqlStatements: statements });
});
