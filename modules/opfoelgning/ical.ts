import { addDaysIso } from "~/legislation";

/*
 * iCalendar (RFC 5545) for a caseworker's meetings. Pure: the shell passes the events and the time stamp.
 * Lines end in CRLF and are folded at 75 octets (3.1) without splitting a UTF-8 character; TEXT values are escaped
 * (3.3.11); local times carry TZID=Europe/Copenhagen, defined by the VTIMEZONE below (3.6.5).
 */

export const TZID = "Europe/Copenhagen";

export interface CalendarEvent {
  /** Stable per meeting, so a re-import updates the event instead of adding a copy. */
  uid: string;
  /** Bumped when the meeting changes (RFC 5545 3.8.7.4). */
  sequence: number;
  /** When the information was last changed, in UTC. */
  stamp: Date;
  /** The local date, YYYY-MM-DD, and the local start time HH:MM (null: an all-day event). */
  date: string;
  time: string | null;
  minutes: number;
  summary: string;
  description: string;
  location?: string | null;
  url?: string | null;
  status: "CONFIRMED" | "CANCELLED";
}

/** TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma, and line breaks as \n. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/** Octets of one character (one code point) in UTF-8. */
function utf8Length(ch: string): number {
  const cp = ch.codePointAt(0)!;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/**
 * Folds a content line so no physical line exceeds 75 octets (RFC 5545 3.1): continuation lines begin with one
 * space. Splits only between characters, never inside a multi-byte UTF-8 sequence.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = utf8Length(ch);
    if (octets + size > limit) {
      out.push(current);
      current = "";
      octets = 0;
      // A continuation line starts with a space, which counts against its 75 octets.
      limit = 74;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join("\r\n ");
}

const pad = (n: number) => String(n).padStart(2, "0");

/** 20260114T093000Z */
export function utcStamp(d: Date): string {
  return (
    `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`
  );
}

const compactDate = (iso: string) => iso.replaceAll("-", "");

/** The local wall-clock end of a meeting: start + minutes, rolling over midnight. */
export function localEnd(date: string, time: string, minutes: number): { date: string; time: string } {
  const [h, m] = time.split(":").map(Number) as [number, number];
  const total = h * 60 + m + minutes;
  const days = Math.floor(total / 1440);
  const rest = total % 1440;
  return { date: days ? addDaysIso(date, days) : date, time: `${pad(Math.floor(rest / 60))}:${pad(rest % 60)}` };
}

const localDateTime = (date: string, time: string) => `${compactDate(date)}T${time.replace(":", "")}00`;

/** Europe/Copenhagen since 1996 (EU rules): CET, and CEST from the last Sunday of March to the last of October. */
const VTIMEZONE = [
  "BEGIN:VTIMEZONE",
  `TZID:${TZID}`,
  `X-LIC-LOCATION:${TZID}`,
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0200",
  "TZNAME:CEST",
  "DTSTART:19700329T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0200",
  "TZOFFSETTO:+0100",
  "TZNAME:CET",
  "DTSTART:19701025T030000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
];

function eventLines(e: CalendarEvent): string[] {
  const lines = ["BEGIN:VEVENT", `UID:${e.uid}`, `SEQUENCE:${e.sequence}`, `DTSTAMP:${utcStamp(e.stamp)}`];
  if (e.time) {
    const end = localEnd(e.date, e.time, e.minutes);
    lines.push(`DTSTART;TZID=${TZID}:${localDateTime(e.date, e.time)}`);
    lines.push(`DTEND;TZID=${TZID}:${localDateTime(end.date, end.time)}`);
  } else {
    lines.push(`DTSTART;VALUE=DATE:${compactDate(e.date)}`);
    lines.push(`DTEND;VALUE=DATE:${compactDate(addDaysIso(e.date, 1))}`);
  }
  lines.push(`SUMMARY:${escapeText(e.summary)}`);
  lines.push(`DESCRIPTION:${escapeText(e.description)}`);
  if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
  if (e.url) lines.push(`URL:${e.url}`);
  lines.push(`STATUS:${e.status}`, "TRANSP:OPAQUE", "CLASS:PRIVATE", "END:VEVENT");
  return lines;
}

/** A whole VCALENDAR with one VEVENT per meeting, CRLF line endings and folded lines. */
export function buildCalendar(events: readonly CalendarEvent[], name: string): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Ressourceforloeb//Mine moeder//DA",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(name)}`,
    `X-WR-TIMEZONE:${TZID}`,
    ...VTIMEZONE,
    ...events.flatMap(eventLines),
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
