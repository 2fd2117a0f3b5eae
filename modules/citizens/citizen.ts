import { z } from "zod";

/** Benefit before the forløb: the ST-2 breakdown, keyed as in the ydelse contract (Y-1). */
export const PREVIOUS_BENEFITS = {
  sygedagpenge: "Sygedagpenge",
  kontanthjaelp: "Kontanthjælp",
  uddannelseshjaelp: "Uddannelseshjælp",
  ledighedsydelse: "Ledighedsydelse",
  jobafklaring: "Jobafklaringsforløb",
  tidligereRessourceforloeb: "Tidligere ressourceforløb",
  foertidspension: "Førtidspension",
  selvforsoergende: "Selvforsørgende",
  andet: "Andet",
} as const;
export type PreviousBenefit = keyof typeof PREVIOUS_BENEFITS;
export const PREVIOUS_BENEFIT_KEYS = Object.keys(PREVIOUS_BENEFITS) as [PreviousBenefit, ...PreviousBenefit[]];

/** P-9: the network that may take part in meetings. */
export const RELATIONS = {
  aegtefaelle: "Ægtefælle/samlever",
  foraelder: "Forælder",
  barn: "Barn",
  soeskende: "Søskende",
  ven: "Ven/veninde",
  andet: "Anden relation",
} as const;
export type Relation = keyof typeof RELATIONS;
export const RELATION_KEYS = Object.keys(RELATIONS) as [Relation, ...Relation[]];

export interface NetworkPerson {
  name: string;
  relation: Relation;
  phone: string | null;
}

export interface Citizen {
  id: string;
  municipalityId: string;
  cpr: string;
  birthDate: string;
  sex: "M" | "K";
  name: string;
  address: string;
  postalCode: string;
  city: string;
  phone: string | null;
  email: string | null;
  previousBenefit: PreviousBenefit;
  network: NetworkPerson[];
  version: number;
}

export interface CitizenListItem {
  id: string;
  name: string;
  maskedCpr: string;
  birthDate: string;
  city: string;
  previousBenefit: PreviousBenefit;
}

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === "" ? null : v))
  .nullable()
  .optional()
  .transform((v) => v ?? null);

const phone = optionalText.refine((v) => v === null || /^(\+45)?\s?(\d\s?){8}$/.test(v), {
  message: "Skriv et telefonnummer med 8 cifre, evt. med +45 foran",
});

export const NetworkPersonInput = z.object({
  name: z.string().trim().min(1, "Skriv personens navn").max(200, "Navnet er for langt"),
  relation: z.enum(RELATION_KEYS, { message: "Vælg relationen til borgeren" }),
  phone,
});

/** The citizen form as the user fills it in; CPR is checked separately by the CPR rule. */
export const CitizenInput = z.object({
  cpr: z.string().trim().min(1, "Skriv borgerens CPR-nummer"),
  name: z.string().trim().min(1, "Skriv borgerens navn").max(200, "Navnet er for langt"),
  address: z.string().trim().min(1, "Skriv borgerens adresse").max(200, "Adressen er for lang"),
  postalCode: z
    .string()
    .trim()
    .min(1, "Skriv postnummeret")
    .regex(/^\d{4}$/, "Postnummeret skal være 4 cifre"),
  city: z.string().trim().min(1, "Skriv bynavnet").max(100, "Bynavnet er for langt"),
  phone,
  email: optionalText.refine((v) => v === null || z.email().safeParse(v).success, {
    message: "Skriv en gyldig e-mailadresse, fx navn@eksempel.dk",
  }),
  previousBenefit: z.enum(PREVIOUS_BENEFIT_KEYS, { message: "Vælg borgerens forsørgelse før forløbet" }),
  network: z.array(NetworkPersonInput).max(20, "Højst 20 personer i netværket").default([]),
});
export type CitizenInput = z.infer<typeof CitizenInput>;

/** The audited shape of a citizen: flat fields, network as one readable list. */
export function auditShape(c: Omit<Citizen, "id" | "municipalityId" | "version">): Record<string, unknown> {
  return {
    cpr: c.cpr,
    name: c.name,
    address: c.address,
    postalCode: c.postalCode,
    city: c.city,
    phone: c.phone,
    email: c.email,
    previousBenefit: c.previousBenefit,
    network: c.network.map((p) => `${p.name} (${RELATIONS[p.relation]})${p.phone ? `, ${p.phone}` : ""}`),
  };
}
