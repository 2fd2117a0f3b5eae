/**
 * Statistics results cached per database and data version. The figures of a page are a few set-based queries over the
 * whole country (for the national comparison); at 50 concurrent users they would run for every request. The version
 * (statistics_data_version) is bumped by triggers in the same transaction as any change to the tables the figures
 * read, so a cached result is never older than the committed data: a reader that sees version V sees at least V's data.
 * Concurrent requests for the same key share one computation. A small LRU bounds memory; old versions age out.
 */
const MAX_ENTRIES = 128;
const caches = new WeakMap<object, Map<string, Promise<unknown>>>();

export async function cached<T>(db: object, version: number, key: string, load: () => Promise<T>): Promise<T> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const k = `${version}|${key}`;
  const hit = cache.get(k);
  if (hit) {
    cache.delete(k);
    cache.set(k, hit);
    return hit as Promise<T>;
  }
  const p = load();
  cache.set(k, p);
  p.catch(() => cache.delete(k));
  while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  return p;
}
