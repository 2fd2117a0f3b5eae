import { CaseDeadlineTable, type CaseDeadlineRow } from "./CaseDeadlineTable";

/** The stored deadlines of the ending and appeal pages; nothing when there are none. */
export function EndingDeadlines({ items, caption }: { items: CaseDeadlineRow[]; caption: string }) {
  if (items.length === 0) return null;
  return <CaseDeadlineTable items={items} caption={caption} />;
}
