import { Link } from "react-router";

export interface Crumb {
  label: string;
  to?: string;
}

export function Breadcrumbs({ items }: { items: Crumb[] }) {
  if (items.length === 0) return null;
  return (
    <nav className="breadcrumbs" aria-label="Brødkrumme">
      <ol className="breadcrumbs__list">
        {items.map((c, i) => (
          <li className="breadcrumbs__list-item" key={`${c.label}-${i}`}>
            {c.to && i < items.length - 1 ? (
              <Link className="breadcrumbs__link" to={c.to}>
                {c.label}
              </Link>
            ) : (
              <span aria-current={i === items.length - 1 ? "page" : undefined}>{c.label}</span>
            )}
            {i < items.length - 1 ? <span aria-hidden="true">&nbsp;›&nbsp;</span> : null}
          </li>
        ))}
      </ol>
    </nav>
  );
}
