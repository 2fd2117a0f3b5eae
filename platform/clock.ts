const copenhagenDate = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Copenhagen",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

let pinned: string | null = null;

/**
 * Fixes "today" for the whole process: the demo runs on a set day (see DEMO_TODAY) so the journey to a grant can be
 * tried although new forløb stop on 2026-02-01; tests pin days with APP_TODAY.
 */
export function pinToday(date: string | null): void {
  pinned = date;
}

/** Today's date in Denmark, as YYYY-MM-DD. Only the shell reads the clock; rules get this as `asOf`. */
export function today(now: Date = new Date()): string {
  const fromEnv = process.env.APP_TODAY;
  if (fromEnv && /^\d{4}-\d{2}-\d{2}$/.test(fromEnv)) return fromEnv;
  if (pinned) return pinned;
  return copenhagenDate.format(now);
}

/** True when today() is not the real date. */
export function isTodayPinned(): boolean {
  return Boolean(pinned || process.env.APP_TODAY);
}
