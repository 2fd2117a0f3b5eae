import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  checkGoldenIssues,
  checkGoldenOutput,
  isInvalidCase,
  listGoldenCases,
  REPO_ROOT,
  type GoldenCase,
} from "../tests/golden/cases";
import { runRulesCli } from "./rules-run";

/**
 * Contract test of `tsx cli/rules.ts` (shared/spec/evaluate.md): stdout JSON, exit codes 0 / 2,
 * stderr naming each bad field by its JSON path, stdin via "-".
 *
 * Every golden evaluate/ydelse case runs through the CLI entry (runRulesCli, the same code
 * cli/rules.ts calls). Starting tsx costs about a second, so the real process is spawned for a
 * representative set: the first valid case of each golden file, every invalid case, and the
 * stdin / usage / missing-file / bad-JSON paths.
 */

const TSX = join(REPO_ROOT, "node_modules", ".bin", "tsx");
const CLI = join(REPO_ROOT, "cli", "rules.ts");
const tmp = mkdtempSync(join(tmpdir(), "rules-cli-"));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function spawnCli(args: string[], stdin?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const p = spawn(TSX, [CLI, ...args], { cwd: REPO_ROOT, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    p.stdout.on("data", (b) => (stdout += b));
    p.stderr.on("data", (b) => (stderr += b));
    p.on("error", reject);
    p.on("close", (code) => resolve({ code, stdout, stderr }));
    p.stdin.end(stdin ?? "");
  });
}

function fileFor(c: GoldenCase, i: number): string {
  const f = join(tmp, `case-${i}.json`);
  writeFileSync(f, JSON.stringify(c.input));
  return f;
}

function expectCase(c: GoldenCase, r: Run) {
  if (isInvalidCase(c)) {
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^Ugyldigt input:/);
    for (const path of c.expectedIssues ?? []) expect(r.stderr).toContain(`  ${path || "(dokumentet)"}: `);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  } else {
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe("");
    expect(checkGoldenOutput(c, JSON.parse(r.stdout))).toEqual([]);
  }
}

const cases = listGoldenCases(["evaluate", "ydelse"]);

describe("CLI entry on every golden case", () => {
  cases.forEach((c, i) => {
    it(`${c.file}: ${c.name}`, () => {
      const r = runRulesCli([c.contract, fileFor(c, i)], (f) => readFileSync(f, "utf8"));
      expectCase(c, r);
      if (isInvalidCase(c)) {
        const issues = r.stderr
          .split("\n")
          .slice(1, -1)
          .map((l) => ({ path: l.trim().split(": ")[0]!, message: l }));
        expect(
          checkGoldenIssues(
            c,
            issues.map((x) => ({ ...x, path: x.path === "(dokumentet)" ? "" : x.path })),
          ),
        ).toEqual([]);
      }
    });
  });
});

describe.concurrent("the real process (tsx cli/rules.ts)", () => {
  const seen = new Set<string>();
  const sample = cases
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => {
      if (isInvalidCase(c)) return true;
      if (seen.has(c.file)) return false;
      seen.add(c.file);
      return true;
    });

  for (const { c, i } of sample) {
    it(`${c.file}: ${c.name}`, async () => {
      expectCase(c, await spawnCli([c.contract, fileFor(c, i)]));
    });
  }

  it("reads standard input with '-' (evaluate and ydelse)", async () => {
    const ev = cases.find((c) => c.contract === "evaluate" && !isInvalidCase(c))!;
    expectCase(ev, await spawnCli(["evaluate", "-"], JSON.stringify(ev.input)));
    const yd = cases.find((c) => c.contract === "ydelse" && !isInvalidCase(c))!;
    expectCase(yd, await spawnCli(["ydelse", "-"], JSON.stringify(yd.input)));
  });

  it("bad JSON on stdin: exit 2 with a message", async () => {
    const r = await spawnCli(["evaluate", "-"], "{ not json");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^Ugyldig JSON/);
  });

  it("a missing file: exit 2 with a message, no stack trace", async () => {
    const r = await spawnCli(["ydelse", join(tmp, "does-not-exist.json")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/filen findes ikke/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("an unknown subcommand or missing argument: exit 2 with usage", async () => {
    for (const args of [["frobnicate", "x.json"], [], ["evaluate"], ["evaluate", "a", "b"]]) {
      const r = await spawnCli(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toContain("Brug: rules <evaluate|ydelse>");
    }
  });
});

describe("CLI entry edge cases", () => {
  it("a directory is not a file", () => {
    const r = runRulesCli(["evaluate", tmp], (f) => readFileSync(f, "utf8"));
    expect(r).toMatchObject({ code: 2, stdout: "" });
    expect(r.stderr).toMatch(/mappe/);
  });
  it("prints one JSON document with a trailing newline", () => {
    const c = cases.find((x) => !isInvalidCase(x))!;
    const r = runRulesCli([c.contract, "-"], () => JSON.stringify(c.input));
    expect(r.code).toBe(0);
    expect(r.stdout.endsWith("}\n")).toBe(true);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
  });
});
