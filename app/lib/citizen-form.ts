import type { NetworkPerson } from "~/modules/citizens";

export interface CitizenFormValues {
  cpr: string;
  name: string;
  address: string;
  postalCode: string;
  city: string;
  phone: string;
  email: string;
  previousBenefit: string;
  network: { name: string; relation: string; phone: string }[];
}

const text = (form: FormData, key: string) => String(form.get(key) ?? "");

/** Reads the citizen form. Network rows left blank or marked for removal are dropped. */
export function citizenFormValues(form: FormData): CitizenFormValues {
  const network: CitizenFormValues["network"] = [];
  const rows = Number(form.get("networkRows") ?? 0);
  for (let i = 0; i < Math.min(rows, 30); i++) {
    const row = {
      name: text(form, `network.${i}.name`).trim(),
      relation: text(form, `network.${i}.relation`),
      phone: text(form, `network.${i}.phone`).trim(),
    };
    if (form.get(`network.${i}.remove`) === "on") continue;
    if (!row.name && !row.relation && !row.phone) continue;
    network.push(row);
  }
  return {
    cpr: text(form, "cpr").trim(),
    name: text(form, "name"),
    address: text(form, "address"),
    postalCode: text(form, "postalCode"),
    city: text(form, "city"),
    phone: text(form, "phone"),
    email: text(form, "email"),
    previousBenefit: text(form, "previousBenefit"),
    network,
  };
}

export function citizenToFormValues(c: {
  cpr: string;
  name: string;
  address: string;
  postalCode: string;
  city: string;
  phone: string | null;
  email: string | null;
  previousBenefit: string;
  network: NetworkPerson[];
}): CitizenFormValues {
  return {
    cpr: `${c.cpr.slice(0, 6)}-${c.cpr.slice(6)}`,
    name: c.name,
    address: c.address,
    postalCode: c.postalCode,
    city: c.city,
    phone: c.phone ?? "",
    email: c.email ?? "",
    previousBenefit: c.previousBenefit,
    network: c.network.map((p) => ({ name: p.name, relation: p.relation, phone: p.phone ?? "" })),
  };
}

export const EMPTY_CITIZEN: CitizenFormValues = {
  cpr: "",
  name: "",
  address: "",
  postalCode: "",
  city: "",
  phone: "",
  email: "",
  previousBenefit: "",
  network: [],
};

export const CITIZEN_FIELD_LABELS: Record<string, string> = {
  cpr: "CPR-nummer",
  name: "Navn",
  address: "Adresse",
  postalCode: "Postnummer",
  city: "By",
  phone: "Telefon",
  email: "E-mail",
  previousBenefit: "Forsørgelse før forløbet",
};
