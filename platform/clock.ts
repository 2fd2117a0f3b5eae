const copenhagenDate = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Copenhagen",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/**
 * Today's date in Denmark, as YYYY-MM-DD. Only the shell reads the clock; rules get this as `asOf`.
 * APP_TODAY pins it (for demos and tests that need a fixed day).
 */
export function today(now: Date = new Date()): string {
  const pinned = process.env.APP_TODAY;
  if (pinned && /^\d{4}-\d{2}-\d{2}$/.test(pinned)) return pinned;
  return copenhagenDate.format(now);
}
