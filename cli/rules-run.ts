import { evaluateUnknown } from "../legislation/evaluate";
import type { InputIssue } from "../legislation/input-issues";
import { ydelseUnknown } from "../legislation/ydelse";

export const USAGE = `Brug: rules <evaluate|ydelse> FIL.json|-

  evaluate  vurder en sag mod reglerne (shared/spec/evaluate.md)
  ydelse    beregn ressourceforløbsydelse for en måned
  -         læs JSON fra standard input

Exitkoder: 0 = gyldigt input (uanset fund), 2 = ugyldigt input eller forkert brug.
`;

export interface CliResult {
  code: 0 | 2;
  stdout: string;
  stderr: string;
}

const COMMANDS = {
  evaluate: evaluateUnknown,
  ydelse: ydelseUnknown,
} as const;

function issuesText(issues: readonly InputIssue[]): string {
  return `Ugyldigt input:\n${issues.map((i) => `  ${i.path || "(dokumentet)"}: ${i.message}`).join("\n")}\n`;
}

/**
 * The CLI without process I/O, so it can be tested directly. `read` returns the file (or stdin
 * for "-") and may throw; every failure becomes exit code 2 with a message, never a stack.
 */
export function runRulesCli(args: readonly string[], read: (arg: string) => string): CliResult {
  const [command, file, ...rest] = args;
  if (command === undefined || !(command in COMMANDS) || file === undefined || rest.length > 0) {
    const what = command === undefined ? "" : !(command in COMMANDS) ? `Ukendt kommando: ${command}\n` : "";
    return { code: 2, stdout: "", stderr: `${what}${USAGE}` };
  }
  let text: string;
  try {
    text = read(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException)?.code;
    const why =
      code === "ENOENT" ? "filen findes ikke" : code === "EISDIR" ? "det er en mappe" : "filen kan ikke læses";
    return { code: 2, stdout: "", stderr: `Kan ikke læse ${file === "-" ? "standard input" : file}: ${why}\n` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { code: 2, stdout: "", stderr: `Ugyldig JSON: ${(e as Error).message}\n` };
  }
  try {
    const r = COMMANDS[command as keyof typeof COMMANDS](json);
    if (!r.ok) return { code: 2, stdout: "", stderr: issuesText(r.issues) };
    return { code: 0, stdout: `${JSON.stringify(r.value, null, 2)}\n`, stderr: "" };
  } catch (e) {
    // Should not happen: parse validates everything evaluate needs. Still no stack trace.
    return { code: 2, stdout: "", stderr: `Input kunne ikke vurderes: ${(e as Error).message}\n` };
  }
}
