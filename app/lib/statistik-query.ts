/**
 * The statistics pages' GET parameters: fra, til (YYYY-MM), sammenlign (repeated, or comma separated in the API) and
 * valgt=1 when the comparison form was sent (then an empty set is a choice, and it is remembered for the user).
 */
export function statisticsQueryFromUrl(url: URL): {
  raw: { fra?: string; til?: string; sammenlign: string[] };
  comparisonGiven: boolean;
  remember: boolean;
} {
  const p = url.searchParams;
  const sammenlign = p
    .getAll("sammenlign")
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
  const fra = p.get("fra")?.trim() || undefined;
  const til = p.get("til")?.trim() || undefined;
  const chosen = p.get("valgt") === "1";
  return {
    raw: { ...(fra ? { fra } : {}), ...(til ? { til } : {}), sammenlign },
    comparisonGiven: chosen || sammenlign.length > 0,
    remember: chosen,
  };
}

/** A query string that reproduces a view exactly (its period and its comparison set, explicitly). */
export function statisticsSearch(
  v: { period: { fromMonth: string; toMonth: string }; comparisonCodes: string[] },
  extra: Record<string, string> = {},
): string {
  const p = new URLSearchParams({ fra: v.period.fromMonth, til: v.period.toMonth, valgt: "1", ...extra });
  for (const c of v.comparisonCodes) p.append("sammenlign", c);
  return p.toString();
}
