import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/** legislation/ is pure: no imports from the rest of the repo, no clock, no JS Date, no I/O. */
const ROOT = fileURLToPath(new URL(".", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith(".ts") && !p.endsWith(".test.ts") && !p.endsWith(".test-helper.ts") ? [p] : [];
  });
}

function code(text: string): string {
  // Drop comments so prose about "JS Date" is not flagged.
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
}

describe("legislation purity", () => {
  const files = sources(ROOT);
  it("finds the sources", () => expect(files.length).toBeGreaterThan(25));
  for (const f of files) {
    const name = relative(ROOT, f);
    it(name, () => {
      const src = code(readFileSync(f, "utf8"));
      const imports = [...src.matchAll(/(?:import|export)[^'"]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? m[2]);
      for (const spec of imports) {
        if (spec === "zod") continue;
        expect(spec, `${name} imports ${spec}`).toMatch(/^\.\.?\//);
        const target = join(f, "..", spec!);
        expect(relative(ROOT, target).startsWith(".."), `${name} imports ${spec} outside legislation/`).toBe(false);
      }
      expect(src, `${name} uses JS Date`).not.toMatch(/\bnew\s+Date\b|\bDate\s*[.(]/);
      expect(src, `${name} reads the clock or randomness`).not.toMatch(/performance\.now|Math\.random|process\./);
      expect(src, `${name} does I/O`).not.toMatch(/node:|require\(|fetch\(|console\./);
    });
  }
});
