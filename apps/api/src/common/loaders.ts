import DataLoader from 'dataloader';

/**
 * The DataLoaders of one GraphQL request. Each per-item relation asks for its loader by
 * name; the first ask creates it, so a request batches every load of the same kind into
 * one statement and never shares cached rows with another request.
 */
export class RequestLoaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(name: string, batch: (keys: readonly K[]) => Promise<readonly (V | Error)[]>): DataLoader<K, V> {
    let loader = this.loaders.get(name) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V>(batch, { maxBatchSize: 500 });
      this.loaders.set(name, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }
}

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
