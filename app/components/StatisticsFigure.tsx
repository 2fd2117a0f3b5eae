import { formatCell, type Figure } from "~/modules/statistik";
import type { StatisticsView } from "~/modules/statistik/index.server";

/**
 * One statistics figure: heading, the server-rendered SVG chart (an img with a text alternative), the table with
 * the same numbers for screen readers ("<5" where hidden), notes and the CSV/XLSX links. Rendered to static HTML once
 * per figure and cached (app/lib/statistik-render.server.tsx): it has no interactive parts.
 */
export function FigureSection({
  figure: f,
  chart,
  search,
}: {
  figure: Figure;
  chart: { alt: string; width: number; height: number };
  search: string;
}) {
  const headingId = `${f.id}-heading`;
  return (
    <section id={f.id} aria-labelledby={headingId} className="stack statistik-figure">
      <h2 id={headingId}>
        {f.title} <span className="statistik-rule">({f.ruleId})</span>
      </h2>
      {f.rows.length > 0 ? (
        <div className="statistik-chart-wrap">
          <img
            src={`/statistik/diagram.svg?${search}&figur=${f.id}`}
            alt={chart.alt}
            width={chart.width}
            height={chart.height}
            loading="lazy"
          />
        </div>
      ) : (
        <p className="muted">Der er ingen tal at vise for perioden.</p>
      )}
      {f.rows.length > 0 ? (
        // A wide table scrolls sideways: the region is focusable so the keyboard can scroll it.
        <div className="indsats-scroll" role="region" aria-label={`Tabel: ${f.caption}`} tabIndex={0}>
          <table className="table table--compact table--zebra statistik-table">
            <caption>{f.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{f.rowHeader}</th>
                {f.columns.map((c) => (
                  <th scope="col" key={c.key} className="statistik-num">
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {f.rows.map((r) => (
                <tr key={r.key} className={r.total ? "statistik-total" : undefined} data-row={r.key}>
                  <th scope="row">{r.label}</th>
                  {r.cells.map((c, i) => (
                    <td key={f.columns[i]!.key} className="statistik-num" data-col={f.columns[i]!.key}>
                      {formatCell(c)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {f.notes.map((n) => (
        <p key={n} className="muted">
          {n}
        </p>
      ))}
      <p className="statistik-exports">
        Hent tabellen:{" "}
        <a href={`/statistik/eksport.csv?${search}&figur=${f.id}`} download>
          CSV<span className="visually-hidden"> – {f.title}</span>
        </a>{" "}
        ·{" "}
        <a href={`/statistik/eksport.xlsx?${search}&figur=${f.id}`} download>
          Excel (XLSX)<span className="visually-hidden"> – {f.title}</span>
        </a>
      </p>
    </section>
  );
}

/** The comparison checkboxes, grouped by region in details elements: a plain GET form field, no JavaScript needed. */
export function ComparisonChoices({ view: v }: { view: Pick<StatisticsView, "choices" | "comparisonCodes"> }) {
  const chosen = new Set(v.comparisonCodes);
  return (
    <fieldset id="stat-sammenlign" className="statistik-choices">
      <legend className="form-label">Sammenlign med kommuner ({v.comparisonCodes.length} valgt)</legend>
      <p className="form-hint">Vælg fx kommuner af samme størrelse. Valget huskes til næste gang.</p>
      {v.choices.map((g) => {
        const n = g.municipalities.filter((m) => chosen.has(m.code)).length;
        return (
          <details key={g.region} open={n > 0 || v.choices.length === 1}>
            <summary>
              {g.label} (
              {n > 0
                ? `${n} valgt`
                : `${g.municipalities.length} ${g.municipalities.length === 1 ? "kommune" : "kommuner"}`}
              )
            </summary>
            <ul className="nobullet-list statistik-checkboxes">
              {g.municipalities.map((m) => (
                <li key={m.code} className="form-group-checkbox">
                  <input
                    className="form-checkbox"
                    type="checkbox"
                    id={`k-${m.code}`}
                    name="sammenlign"
                    value={m.code}
                    defaultChecked={chosen.has(m.code)}
                  />
                  <label htmlFor={`k-${m.code}`}>{m.name}</label>
                </li>
              ))}
            </ul>
          </details>
        );
      })}
    </fieldset>
  );
}
