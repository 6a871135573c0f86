import DataLoader from 'dataloader';

/**
 * The DataLoaders of one GraphQL request. Each per-item relation asks for its loader by
 * name; the first ask creates it, so a request batches every load of the same kind into
 * one statement and never shares cached rows with another request.
 *
 * A loader asked for with `afterOtherReads` (people: every kind of post and revision has
 * them) sends its batch only once no other batch of the request is reading, so the people a
 * page names are read in one statement however its replies arrive: a question page's
 * author, answerers, commenters and editors together, whether it has one answer or thirty.
 * Such a loader's batch must not itself wait on another loader of the same request.
 */
export class RequestLoaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();
  private readonly caches = new Map<string, Map<unknown, Promise<unknown>>>();
  private readonly deferred: (() => void)[] = [];
  private reading = 0;
  private releaseScheduled = false;

  get<K, V>(name: string, batch: (keys: readonly K[]) => Promise<readonly (V | Error)[]>, options: { afterOtherReads?: boolean } = {}): DataLoader<K, V> {
    let loader = this.loaders.get(name) as DataLoader<K, V> | undefined;
    if (!loader) {
      const cacheMap = new Map<K, Promise<V>>();
      const counted = async (keys: readonly K[]) => {
        this.reading += 1;
        try {
          return await batch(keys);
        } finally {
          this.reading -= 1;
          this.releaseWhenQuiet();
        }
      };
      loader = new DataLoader<K, V>(counted, {
        maxBatchSize: 500,
        cacheMap,
        ...(options.afterOtherReads
          ? {
              batchScheduleFn: (dispatch: () => void) => {
                this.deferred.push(dispatch);
                this.releaseWhenQuiet();
              },
            }
          : {}),
      });
      this.loaders.set(name, loader as DataLoader<unknown, unknown>);
      this.caches.set(name, cacheMap as Map<unknown, Promise<unknown>>);
    }
    return loader;
  }

  /**
   * Sends the deferred batches once nothing is reading, a turn later (setImmediate): by then
   * the batches other loaders were asked for in this turn have gone out and count as reading,
   * and the resolvers a reply woke have asked for what they need.
   */
  private releaseWhenQuiet(): void {
    if (this.releaseScheduled || this.reading > 0 || this.deferred.length === 0) return;
    this.releaseScheduled = true;
    setImmediate(() => {
      this.releaseScheduled = false;
      if (this.reading > 0) return;
      for (const dispatch of this.deferred.splice(0)) dispatch();
    });
  }

  /** What this request has already asked the named loader for `key`, if it has. */
  pending<K, V>(name: string, key: K): Promise<V> | undefined {
    return this.caches.get(name)?.get(key) as Promise<V> | undefined;
  }
}

/**
 * A question's own comments, revisions and citations are read with its answers' ones, in
 * one statement per kind, when the same request reads its answers (a question page): a
 * question-level field waits for the answers first, so its load lands in the same batch as
 * the answers' loads. Keys name the kind of post, since one loader serves both.
 */
export type PostKey = `question:${string}` | `answer:${string}`;

export function splitPostKeys(keys: readonly PostKey[]): { questionIds: string[]; answerIds: string[] } {
  const questionIds: string[] = [];
  const answerIds: string[] = [];
  for (const key of keys) {
    if (key.startsWith('question:')) questionIds.push(key.slice('question:'.length));
    else answerIds.push(key.slice('answer:'.length));
  }
  return { questionIds, answerIds };
}

/** The post key of a row that has a question_id or an answer_id. */
export const postKeyOf = (row: { questionId?: string | null; answerId?: string | null }): PostKey =>
  row.questionId ? `question:${row.questionId}` : `answer:${row.answerId as string}`;

/** Orders rows found by a batch query as the keys were asked, with a fallback for misses. */
export function byKeys<K, R, V = R, F = V>(keys: readonly K[], rows: R[], keyOf: (row: R) => K, fallback: (key: K) => F, map?: (row: R) => V): (V | F)[] {
  const found = new Map<K, V>();
  for (const row of rows) found.set(keyOf(row), map ? map(row) : (row as unknown as V));
  return keys.map((key) => (found.has(key) ? (found.get(key) as V) : fallback(key)));
}

/** Groups rows per key (each row as `valueOf` makes it), in the order rows come. */
export function groupBy<K, R, V = R>(rows: readonly R[], keyOf: (row: R) => K, valueOf?: (row: R) => V): Map<K, V[]> {
  const groups = new Map<K, V[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const value = valueOf ? valueOf(row) : (row as unknown as V);
    const list = groups.get(key);
    if (list) list.push(value);
    else groups.set(key, [value]);
  }
  return groups;
}

/** Groups rows per key, in the keys' order; a key with no rows gets an empty list. */
export function groupByKeys<K, R>(keys: readonly K[], rows: R[], keyOf: (row: R) => K): R[][] {
  const groups = groupBy(rows, keyOf);
  return keys.map((key) => groups.get(key) ?? []);
}

/** The loader of each question's answers (answers module); named here so modules below it can wait for it. */
export const QUESTION_ANSWERS_LOADER = 'questions.answers';

/** Waits for the question's answers when this request is reading them, so loads that follow join the answers' batch. */
export async function afterAnswersOf(loaders: RequestLoaders, questionId: string): Promise<void> {
  await loaders.pending(QUESTION_ANSWERS_LOADER, questionId)?.catch(() => undefined);
}
