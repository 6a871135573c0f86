import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, type ObjectLiteral, type QueryRunner, type ReplicationMode } from 'typeorm';

/*
 * Which reads may go to a streaming replica (DATABASE_REPLICA_URLS). A replica is a moment
 * behind the primary, so only reads that nobody would notice being a moment old go there:
 * the GraphQL queries of visitors who are not signed in (the question lists, a question
 * page, search), which are most of a forum's traffic and have no writes of their own to
 * see. Everything else reads from the primary: a signed-in person's requests (their own
 * posts, votes, notifications and settings must show the change they just made), every
 * mutation and whatever it reads, anything inside a transaction, and the worker (digests
 * are planned and recorded against the primary's rows).
 *
 * The rule is decided once per request and carried by AsyncLocalStorage, so the services
 * read through the one injected DataSource as usual and need not know where it reads from.
 */

const staleReads = new AsyncLocalStorage<true>();

/** Runs `work` (and everything it starts) with reads that may be a moment stale. */
export function withStaleReads<T>(work: () => T): T {
  return staleReads.run(true, work);
}

export function staleReadsAllowed(): boolean {
  return staleReads.getStore() === true;
}

/** Locking reads need the primary; so does anything that changes data or session state. */
const NOT_A_PLAIN_READ = /\b(insert|update|delete|merge|truncate|nextval|setval|set_config|pg_notify|pg_advisory\w*)\b|\bfor\s+(no\s+key\s+update|key\s+share|share)\b/i;

/**
 * A raw statement a hot standby can answer and that changes nothing. Conservative: a
 * statement that merely mentions one of those words reads from the primary, which is always
 * correct, only not offloaded.
 */
export function isPlainRead(sql: string): boolean {
  return /^\s*(select|with)\b/i.test(sql) && !NOT_A_PLAIN_READ.test(sql);
}

/**
 * TypeORM's DataSource with the rule above. With `replication.defaultMode: 'master'`
 * TypeORM itself sends everything to the primary; inside withStaleReads, SELECTs built with
 * query builders and repositories (TypeORM asks defaultReplicationModeForReads) and plain
 * raw reads (`dataSource.query`) take a replica connection instead. Transactions, inserts,
 * updates and deletes always take the primary, whatever the request.
 */
export class ReplicatedDataSource extends DataSource {
  override defaultReplicationModeForReads(): ReplicationMode {
    return staleReadsAllowed() ? 'slave' : 'master';
  }

  override async query<T = unknown>(query: string, parameters?: unknown[] | ObjectLiteral, queryRunner?: QueryRunner): Promise<T> {
    if (queryRunner || !staleReadsAllowed() || !isPlainRead(query)) return super.query<T>(query, parameters, queryRunner);
    const replica = this.createQueryRunner('slave');
    try {
      return await super.query<T>(query, parameters, replica);
    } finally {
      await replica.release();
    }
  }
}

/**
 * On /graphql, after graphqlRequestGuard has named the operation's type: a query sent
 * without a session reads from the replicas. A request with a session token reads from the
 * primary even when the token turns out to be expired: deciding that would cost a read.
 * The last preHandler of the route, callback-style, so the handler runs inside the decision.
 */
export function visitorQueriesReadFromReplicas<Req>(operationOf: (req: Req) => string | undefined, hasSession: (req: Req) => boolean): (req: Req, reply: unknown, done: () => void) => void {
  return (req, _reply, done) => {
    if (operationOf(req) !== 'query' || hasSession(req)) return done();
    withStaleReads(done);
  };
}
