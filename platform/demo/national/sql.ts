/**
 * Small builders for the generator's server-side SQL. Every random choice is a hash of the seed, a tag and a row key
 * (pg_temp.ns_r), so the same arguments give the same rows on PostgreSQL and PGlite, without a round trip per row.
 */

/**
 * SQL that creates the session's functions: md5 of a text → a number in [0, 1), and → a uuid shaped as version 4
 * (strict uuid validators, e.g. zod's, refuse a bare md5).
 */
export const RANDOM_FUNCTIONS = [
  `create or replace function pg_temp.ns_r(t text) returns float8 language sql immutable as
$$ select ('x' || substr(md5(t), 1, 8))::bit(32)::bigint::float8 / 4294967296.0 $$`,
  `create or replace function pg_temp.ns_uuid(t text) returns uuid language sql immutable as
$$ select (substr(h, 1, 12) || '4' || substr(h, 14, 3) || substr('89ab', 1 + ('x' || substr(h, 17, 1))::bit(4)::int % 4, 1)
           || substr(h, 18, 15))::uuid from (select md5(t) as h) x $$`,
];

/** A quoted SQL string literal. Only for values the generator itself controls. */
export function lit(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

/** A date literal. */
export function d(iso: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new Error(`not a date: ${iso}`);
  return `date '${iso}'`;
}

export function randomOf(seed: number) {
  /** u in [0, 1) for (tag, key): key is an SQL expression, cast to text. */
  return (tag: string, key: string): string => `pg_temp.ns_r('${seed}|${tag}|' || (${key})::text)`;
}

/** CASE picking a value by weight from u (an SQL expression in [0, 1)). Values are SQL expressions. */
export function weighted(u: string, table: readonly (readonly [string, number])[]): string {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let acc = 0;
  const whens = table.slice(0, -1).map(([value, w]) => {
    acc += w;
    return `when ${u} < ${(acc / total).toFixed(6)} then ${value}`;
  });
  return `(case ${whens.join(" ")} else ${table[table.length - 1]![0]} end)`;
}

/** An SQL text array literal. */
export function textArray(items: readonly string[]): string {
  return `array[${items.map(lit).join(",")}]::text[]`;
}

/** Picks one element of a text array with u. */
export function pickFrom(items: readonly string[], u: string): string {
  return `(${textArray(items)})[1 + floor(${u} * ${items.length})::int]`;
}

/** A deterministic uuid from a text key. */
export function uuidOf(seed: number, tag: string, key: string): string {
  return `pg_temp.ns_uuid('${seed}|${tag}|' || (${key})::text)`;
}
