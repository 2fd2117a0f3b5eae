import type { Explanation } from "~/legislation";

function show(v: unknown): string {
  if (v === null || v === undefined) return "–";
  if (typeof v === "boolean") return v ? "ja" : "nej";
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

function Node({ e, depth }: { e: Explanation; depth: number }) {
  const inputs = Object.entries(e.inputs ?? {});
  return (
    <details className="why" open={depth === 0 ? false : undefined}>
      <summary>
        {e.ruleId}: {e.title}
      </summary>
      {e.reasoning ? <p>{e.reasoning}</p> : null}
      {e.citations.length > 0 ? (
        <p>
          <strong>Hjemmel: </strong>
          {e.citations.map((c, i) => (
            <span key={i}>
              {i > 0 ? "; " : null}
              {c.law} {c.paragraph}
              {c.verified === false ? " (ikke verificeret)" : null}
            </span>
          ))}
        </p>
      ) : null}
      {e.parameters.length > 0 ? (
        <>
          <p>
            <strong>Regelværdier brugt</strong>
          </p>
          <ul>
            {e.parameters.map((p, i) => (
              <li key={i}>
                {p.name}: {show(p.value)} (gælder fra {p.from}
                {p.to ? ` til ${p.to}` : ""})
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {inputs.length > 0 ? (
        <>
          <p>
            <strong>Oplysninger brugt</strong>
          </p>
          <ul>
            {inputs.map(([k, v]) => (
              <li key={k}>
                {k}: {show(v)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {e.children.map((c, i) => (
        <Node key={i} e={c} depth={depth + 1} />
      ))}
    </details>
  );
}

/** "Hvorfor?": the rules engine's explanation tree, readable without JavaScript (native <details>). */
export function WhyPanel({ explanation, label = "Hvorfor?" }: { explanation: Explanation; label?: string }) {
  return (
    <div className="why-panel">
      <span className="visually-hidden">{label}</span>
      <Node e={explanation} depth={0} />
    </div>
  );
}
