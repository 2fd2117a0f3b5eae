type Tree = { [key: string]: Tree | Tree[] | string | string[] | boolean | undefined };

/**
 * Turns flat form fields with dotted names ("tg3.measures.0.measure") into a nested object.
 * Names ending in "[]" collect every value (checkbox groups). "true"/"false" become booleans,
 * empty strings are left out, and array rows that end up empty are dropped.
 */
export function formToTree(form: FormData, prefix?: string): Tree {
  const root: Tree = {};
  for (const [rawKey, rawValue] of form.entries()) {
    if (typeof rawValue !== "string" || rawKey === "_csrf" || rawKey === "intent") continue;
    if (prefix && !rawKey.startsWith(`${prefix}.`)) continue;
    const many = rawKey.endsWith("[]");
    const key = (prefix ? rawKey.slice(prefix.length + 1) : rawKey).replace(/\[\]$/, "");
    const parts = key.split(".");
    let node: Record<string, unknown> = root;
    for (let i = 0; i < parts.length - 1; i++) {
      const part = parts[i]!;
      const nextIsIndex = /^\d+$/.test(parts[i + 1]!);
      node[part] ??= nextIsIndex ? [] : {};
      node = node[part] as Record<string, unknown>;
    }
    const leaf = parts.at(-1)!;
    const value = rawValue.trim();
    if (many) {
      const list = (node[leaf] ??= []) as string[];
      if (value !== "") list.push(value);
    } else if (value !== "") {
      node[leaf] = value === "true" ? true : value === "false" ? false : value;
    }
  }
  return compact(root) as Tree;
}

function compact(value: unknown): unknown {
  if (Array.isArray(value)) {
    const rows = value.map(compact).filter((v) => v !== undefined);
    return rows.every((r) => typeof r === "string") ? rows : rows.filter((r) => !isEmpty(r));
  }
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const c = compact(v);
      if (c !== undefined) out[k] = c;
    }
    return out;
  }
  return value;
}

function isEmpty(v: unknown): boolean {
  return v && typeof v === "object" && !Array.isArray(v) ? Object.keys(v).length === 0 : false;
}

/** Lines of a textarea as a list, blank lines dropped. */
export function lines(value: unknown): string[] {
  return typeof value === "string"
    ? value
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean)
    : [];
}
