/**
 * Arrays that always have V8's general "packed elements" kind, even when empty. An empty array
 * literal or the result of mapping an empty array has another elements kind than a filled one,
 * and every new kind that reaches already optimised code throws that code away: evaluate()
 * was recompiled six times in the bench for this reason alone. Only used on the hot path.
 */
const PLACEHOLDER = {};

export function emptyPacked<T>(): T[] {
  const a: unknown[] = [PLACEHOLDER];
  a.pop();
  return a as T[];
}

export function mapPacked<T, U>(xs: readonly T[], f: (x: T) => U): U[] {
  const out = emptyPacked<U>();
  for (let i = 0; i < xs.length; i++) out.push(f(xs[i] as T));
  return out;
}

export function filterPacked<T>(xs: readonly T[], keep: (x: T) => boolean): T[] {
  const out = emptyPacked<T>();
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i] as T;
    if (keep(x)) out.push(x);
  }
  return out;
}
