import { describe, expect, it } from "vitest";
import { parseDate } from "../dates";
import { kontanthjaelpAllowed } from "./ending";

const d = parseDate;
const gate = (birth: string, o: Record<string, unknown>) =>
  kontanthjaelpAllowed({ birthDate: d(birth), transitionDate: d("2024-06-01"), ...o }, d("2024-05-01"), "F").value;

describe("E-2 kontanthjælp gate", () => {
  it("path 1: documented development with a reason", () => {
    expect(gate("1990-01-01", { documentedDevelopment: { documented: true, reason: "Job 25 timer" } })).toMatchObject({ allowed: true, path: "documentedDevelopment", findings: [] });
    expect(gate("1990-01-01", { documentedDevelopment: { documented: true, reason: " " } }).allowed).toBe(false);
    expect(gate("1990-01-01", { documentedDevelopment: { documented: false, reason: "Ingen udvikling" } }).allowed).toBe(false);
  });
  it("path 2: not in the target group for fleksjob/førtidspension and explicitly declines; warning under 50 (§6.7)", () => {
    const both = { notInTargetGroupFleksjobFoertidspension: true, explicitlyDeclinedNewForloeb: true };
    expect(gate("1974-06-01", both)).toMatchObject({ allowed: true, path: "declinedNewForloeb", findings: [] });
    const young = gate("1974-06-02", both);
    expect(young).toMatchObject({ allowed: true, findings: [{ ruleId: "E-2", severity: "warning" }] });
    expect(young.findings[0]?.basis).toContain("§6.7");
    expect(gate("1960-01-01", { notInTargetGroupFleksjobFoertidspension: true }).allowed).toBe(false);
    expect(gate("1960-01-01", { explicitlyDeclinedNewForloeb: true }).findings).toMatchObject([{ ruleId: "E-2", severity: "error" }]);
  });
});
