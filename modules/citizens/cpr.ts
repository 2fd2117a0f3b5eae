import { maskCpr as maskLegal, parseCpr } from "~/legislation/cpr";

export type CprCheck = { ok: true; cpr: string; birthDate: string; sex: "M" | "K" } | { ok: false; message: string };

/** The citizens module's view of the CPR rule: 10 digits as stored, birth date and sex (M/K), or a Danish message. */
export function checkCpr(raw: string): CprCheck {
  const r = parseCpr(raw);
  if (!r.ok) return { ok: false, message: r.error };
  return { ok: true, cpr: r.cpr.replace("-", ""), birthDate: r.birthDate, sex: r.sex === "male" ? "M" : "K" };
}

export function maskCpr(cpr: string): string {
  return maskLegal(cpr);
}
