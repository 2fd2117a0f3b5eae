import { Link } from "react-router";
import { PREVIOUS_BENEFITS, type CitizenListItem } from "~/modules/citizens";

export function CitizenTable({ items, caption }: { items: CitizenListItem[]; caption: string }) {
  return (
    <table className="table table--zebra">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Navn</th>
          <th scope="col">CPR-nummer</th>
          <th scope="col">By</th>
          <th scope="col">Forsørgelse før forløbet</th>
        </tr>
      </thead>
      <tbody>
        {items.map((c) => (
          <tr key={c.id}>
            <td>
              <Link to={`/borgere/${c.id}`}>{c.name}</Link>
            </td>
            <td className="cpr">{c.maskedCpr}</td>
            <td>{c.city}</td>
            <td>{PREVIOUS_BENEFITS[c.previousBenefit]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
