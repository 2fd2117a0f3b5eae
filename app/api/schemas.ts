import { z } from "zod";
import { CitizenInput, PREVIOUS_BENEFIT_KEYS, RELATION_KEYS } from "~/modules/citizens";

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details. `errors` names each bad field by its path." });

export const Me = z
  .object({
    type: z.enum(["user", "token"]),
    name: z.string(),
    role: z.string(),
    municipality: z.object({ code: z.string(), name: z.string() }),
  })
  .meta({ id: "Me" });

export const CitizenListItemSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    maskedCpr: z.string().describe("CPR-nummer med de sidste fire cifre skjult, fx 010180-xxxx"),
    birthDate: z.iso.date(),
    city: z.string(),
    previousBenefit: z.enum(PREVIOUS_BENEFIT_KEYS),
  })
  .meta({ id: "CitizenListItem" });

export const CitizenList = z
  .object({
    items: z.array(CitizenListItemSchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: "CitizenList" });

export const CitizenResource = z
  .object({
    id: z.uuid(),
    cpr: z.string().regex(/^\d{10}$/),
    birthDate: z.iso.date(),
    sex: z.enum(["M", "K"]),
    name: z.string(),
    address: z.string(),
    postalCode: z.string(),
    city: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    previousBenefit: z.enum(PREVIOUS_BENEFIT_KEYS),
    network: z.array(z.object({ name: z.string(), relation: z.enum(RELATION_KEYS), phone: z.string().nullable() })),
    version: z.number().int().describe("Send den med ved ændring (optimistisk låsning)"),
  })
  .meta({ id: "Citizen" });

export const CitizenCreateBody = CitizenInput.meta({
  id: "CitizenInput",
  description: "CPR-nummer med eller uden bindestreg; datodelen kontrolleres, der er ingen modulus 11-kontrol.",
});

export const CitizenUpdateBody = CitizenInput.extend({
  version: z.number().int().min(1).describe("Den version, ændringen bygger på"),
}).meta({ id: "CitizenUpdate" });

export const CitizenSearchBody = z
  .object({ q: z.string().trim().min(1, "Skriv et navn eller et CPR-nummer").max(200) })
  .meta({ id: "CitizenSearch", description: "Søgning sker med POST, så CPR-numre aldrig står i en URL." });

export const CitizenListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
