import type { EvaluateOutput } from "~/legislation";
import { formatIsoDate } from "~/app/lib/format";
import { Alert } from "./fields";
import { WhyPanel } from "./WhyPanel";

const SEVERITY = { error: "error", warning: "warning", info: "info" } as const;

/** What the rules say about a new forløb for this citizen today, each with its "why". */
export function RulesFindings({ out, relevant }: { out: EvaluateOutput; relevant?: string[] }) {
  const nf = out.newForloeb;
  const findings = relevant ? out.findings.filter((f) => relevant.some((r) => f.ruleId.startsWith(r))) : out.findings;
  const explanations = out.explanations.filter((e) =>
    ["PA-1", "TG-6", "TG-10", "D-1", "D-2"].some((r) => e.ruleId.startsWith(r)),
  );
  return (
    <section className="stack" aria-labelledby="rules-heading">
      <h2 id="rules-heading">Reglerne om et nyt ressourceforløb</h2>
      <p className="muted">Beregnet for {formatIsoDate(out.asOf)} ud fra borgerens fødselsdato og tidligere forløb.</p>
      <dl className="summary-list">
        <dt>Kan bevilges</dt>
        <dd>{nf.allowed ? "Ja" : "Nej – nye ressourceforløb kan ikke bevilges (TG-10)"}</dd>
        <dt>Varighed</dt>
        <dd>
          {nf.allowed
            ? `${nf.minMonths}–${nf.maxMonths} måneder${nf.maxMonthsWithWish > nf.maxMonths ? ` (op til ${nf.maxMonthsWithWish} hvis borgeren ønsker det)` : ""}`
            : "–"}
        </dd>
        <dt>Kræver borgerens ønske</dt>
        <dd>{nf.requiresCitizenWish ? `Ja: ${nf.wishReasons.join(" ")}` : "Nej"}</dd>
        <dt>Folkepensionsalder</dt>
        <dd>
          {out.folkepensionsalder.age.years} år
          {out.folkepensionsalder.age.months ? ` og ${out.folkepensionsalder.age.months} måneder` : ""} (
          {formatIsoDate(out.folkepensionsalder.date)})
        </dd>
        <dt>Seniorreglen (6 år før)</dt>
        <dd>{out.sixYearLine ? formatIsoDate(out.sixYearLine) : "Gælder ikke på datoen"}</dd>
      </dl>
      {findings.map((f, i) => (
        <Alert key={i} kind={SEVERITY[f.severity]} heading={`${f.ruleId}: ${f.message}`}>
          <p className="muted">Hjemmel: {f.basis}</p>
        </Alert>
      ))}
      <div>
        <h3 className="h4">Hvorfor?</h3>
        {explanations.map((e, i) => (
          <WhyPanel key={i} explanation={e} />
        ))}
      </div>
    </section>
  );
}
