/**
 * Rules API on the command line (shared/spec/evaluate.md):
 *
 *   tsx cli/rules.ts evaluate FILE.json|-
 *   tsx cli/rules.ts ydelse FILE.json|-
 *
 * Prints one JSON document on stdout. Exit 0 for valid input whatever the findings; exit 2 for
 * invalid input (bad JSON, missing file, failed validation) with each bad field named by its
 * JSON path on stderr; exit 2 with usage for an unknown subcommand. Never prints a stack trace.
 */
import { readFileSync } from "node:fs";
import { runRulesCli } from "./rules-run";

function readInput(arg: string): string {
  return arg === "-" ? readFileSync(0, "utf8") : readFileSync(arg, "utf8");
}

const result = runRulesCli(process.argv.slice(2), readInput);
if (result.stdout) process.stdout.write(result.stdout);
if (result.stderr) process.stderr.write(result.stderr);
process.exitCode = result.code;
