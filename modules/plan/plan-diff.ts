import {
  danishDate,
  DELMAAL_AREAS,
  GOAL_TYPES,
  INTERVENTION_FORMS,
  LEGAL_BASES,
  type Delmaal,
  type PlanContent,
  type PlanIntervention,
} from "./plan";

/*
 * A readable diff between two revisions of the indsatsdel (PL-5: the plan is revised continuously and every
 * revision is kept). Delmål and interventions are matched by their stable ids, so an edited intervention is
 * "ændret", not "fjernet" and "tilføjet".
 */

export const PLAN_SECTIONS = {
  goal: "Mål",
  delmaal: "Delmål",
  interventions: "Indsatser",
  followUp: "Opfølgning",
  mentor: "Mentor",
  period: "Planperiode",
} as const;
export type PlanSection = keyof typeof PLAN_SECTIONS;

export const CHANGE_KINDS = { added: "Tilføjet", removed: "Fjernet", changed: "Ændret" } as const;
export type ChangeKind = keyof typeof CHANGE_KINDS;

export interface FieldChange {
  label: string;
  before: string;
  after: string;
}

export interface PlanChange {
  section: PlanSection;
  kind: ChangeKind;
  /** What changed, in Danish: "Indsats «Virksomhedspraktik hos Bilka»". */
  subject: string;
  fields: FieldChange[];
}

type Fields = [label: string, value: string][];

const none = "";
const date = (v: string | null) => (v ? danishDate(v) : none);

function delmaalFields(d: Delmaal): Fields {
  return [
    ["Område", DELMAAL_AREAS[d.area]],
    ["Delmål", d.text],
    ["Begrundelse", d.reason],
  ];
}

function interventionFields(i: PlanIntervention): Fields {
  return [
    ["Indsats", i.title],
    ["Hjemmel", LEGAL_BASES[i.legalBasis]],
    ["Udføres af", i.provider],
    ["Mål på kort sigt", i.shortTermGoal],
    ["Tilbud eller aftalt aktivitet", INTERVENTION_FORMS[i.form].label],
    ["Planlagt start", date(i.plannedStart)],
    ["Planlagt slut", date(i.plannedEnd)],
  ];
}

function mentorFields(c: PlanContent): Fields {
  const m = c.mentor;
  return [
    ["Har mentor", m.has ? "Ja" : "Nej"],
    ["Navn", m.name ?? none],
    ["Kontakt", m.contact ?? none],
    ["Rolle", m.role ?? none],
    ["Opgaver og fokusområder (prioriteret)", m.tasks.map((t, n) => `${n + 1}. ${t}`).join("\n")],
  ];
}

function compare(before: Fields, after: Fields): FieldChange[] {
  const out: FieldChange[] = [];
  for (let k = 0; k < Math.max(before.length, after.length); k++) {
    const label = (after[k] ?? before[k])![0];
    const b = before[k]?.[1] ?? none;
    const a = after[k]?.[1] ?? none;
    if (b !== a) out.push({ label, before: b, after: a });
  }
  return out;
}

const quote = (s: string) => `«${s.length > 80 ? `${s.slice(0, 77)}…` : s}»`;

function diffById<T extends { id: string }>(
  section: "delmaal" | "interventions",
  noun: string,
  before: T[],
  after: T[],
  fields: (x: T) => Fields,
  name: (x: T) => string,
): PlanChange[] {
  const out: PlanChange[] = [];
  const beforeById = new Map(before.map((x) => [x.id, x]));
  const afterIds = new Set(after.map((x) => x.id));
  for (const x of after) {
    const old = beforeById.get(x.id);
    if (!old) {
      out.push({ section, kind: "added", subject: `${noun} ${quote(name(x))}`, fields: compare([], fields(x)) });
      continue;
    }
    const changed = compare(fields(old), fields(x));
    if (changed.length > 0) {
      const subject = name(old) === name(x) ? `${noun} ${quote(name(x))}` : `${noun} ${quote(name(old))}`;
      out.push({ section, kind: "changed", subject, fields: changed });
    }
  }
  for (const x of before) {
    if (!afterIds.has(x.id)) {
      out.push({ section, kind: "removed", subject: `${noun} ${quote(name(x))}`, fields: compare(fields(x), []) });
    }
  }
  return out;
}

/** What changed from revision `a` to revision `b`; `a` null means the first revision (all added). */
export function diffPlans(a: PlanContent | null, b: PlanContent): PlanChange[] {
  const changes: PlanChange[] = [];
  const goal = compare(
    a
      ? [
          ["Måltype", GOAL_TYPES[a.goal.type]],
          ["Mål", a.goal.text],
        ]
      : [],
    [
      ["Måltype", GOAL_TYPES[b.goal.type]],
      ["Mål", b.goal.text],
    ],
  );
  if (goal.length) changes.push({ section: "goal", kind: a ? "changed" : "added", subject: "Målet", fields: goal });

  changes.push(
    ...diffById(
      "delmaal",
      "Delmål",
      a?.delmaal ?? [],
      b.delmaal,
      delmaalFields,
      (d) => `${DELMAAL_AREAS[d.area]}: ${d.text}`,
    ),
  );
  changes.push(
    ...diffById(
      "interventions",
      "Indsats",
      a?.interventions ?? [],
      b.interventions,
      interventionFields,
      (i) => i.title,
    ),
  );

  const followUp = compare(a ? [["Opfølgning", a.followUp.how]] : [], [["Opfølgning", b.followUp.how]]);
  if (followUp.length)
    changes.push({ section: "followUp", kind: a ? "changed" : "added", subject: "Opfølgningen", fields: followUp });

  const mentor = compare(a ? mentorFields(a) : [], mentorFields(b));
  if (mentor.length)
    changes.push({ section: "mentor", kind: a ? "changed" : "added", subject: "Mentoren", fields: mentor });

  const period = compare(
    a
      ? [
          ["Fra", date(a.period.from)],
          ["Til", date(a.period.to)],
        ]
      : [],
    [
      ["Fra", date(b.period.from)],
      ["Til", date(b.period.to)],
    ],
  );
  if (period.length)
    changes.push({ section: "period", kind: a ? "changed" : "added", subject: "Planperioden", fields: period });
  return changes;
}

/** One line per change, for the audit trail, letters and tests: "Indsats «Praktik» er ændret: Planlagt start …". */
export function describeChange(c: PlanChange): string {
  const verb = c.kind === "added" ? "er tilføjet" : c.kind === "removed" ? "er fjernet" : "er ændret";
  if (c.kind !== "changed") return `${c.subject} ${verb}`;
  const parts = c.fields.map((f) => `${f.label}: ${f.before || "(tom)"} → ${f.after || "(tom)"}`);
  return `${c.subject} ${verb}: ${parts.join("; ")}`;
}
