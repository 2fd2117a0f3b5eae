const PAGES: Record<string, string> = {
  samtaler: "opfoelgning#samtaler",
  indsatser: "indsatser#indsatser",
  mentor: "indsatser#mentor",
  afslutning: "afslutning",
  klager: "klager",
  afgoerelse: "afgoerelse",
};

/** One click from a deadline to the place in the case where it is handled. */
export function deadlineHref(caseId: string, anchor: string): string {
  return `/sager/${caseId}/${PAGES[anchor] ?? ""}`;
}
