import { dated } from "../dated";
import type { IsoDate } from "../dates";
import { LAB, LAW_2013, LAW_2022, RULES_MD, SKRIVELSE_002 } from "../sources";
import type { InterventionKind, PeriodKind } from "./kinds";

/** IG-1..IG-6 as data: which facts count, the window and the transitional deadline. */
export interface IndsatsgarantiRules {
  windowMonths: number;
  /** IG-1: interventions that fulfil the guarantee (when in the plan and begun after the start). */
  qualifyingKinds: readonly InterventionKind[];
  /** IG-2: periods that do not count in the window and so extend it. */
  excludedKinds: readonly PeriodKind[];
  /** IG-3: periods in the window that exempt the case. */
  exemptingKinds: readonly PeriodKind[];
  /** IG-6: forløb begun before `forloebBefore` are measured from `windowFrom` with deadline `deadline`. */
  transition: { forloebBefore: IsoDate; windowFrom: IsoDate; deadline: IsoDate };
}

export const indsatsgarantiRules = dated<IndsatsgarantiRules>("indsatsgaranti.rules", "Indsatsgaranti", [
  {
    from: "2013-01-01",
    value: null,
    citation: { law: LAW_2013, paragraph: "LAB kap. 12 b", source: `${SKRIVELSE_002} §9 (garantien gælder fra 2022)` },
    note: "Ingen indsatsgaranti før 2022-01-01.",
  },
  {
    from: "2022-01-01",
    value: {
      windowMonths: 6,
      qualifyingKinds: ["lab11", "lab12", "lab14", "serviceloven", "sundhedsloven"],
      excludedKinds: ["fritagelse", "standby"],
      exemptingKinds: ["ordinaryWork", "stu", "khe15"],
      transition: { forloebBefore: "2022-01-01", windowFrom: "2022-01-01", deadline: "2022-07-01" },
    },
    citation: {
      law: LAB,
      paragraph: "§ 113, stk. 2",
      source: `${LAW_2022}; ${SKRIVELSE_002} §6.3, §9; ${RULES_MD} IG-5 [external: L 209 2020-21 § 1 nr. 2]`,
    },
  },
]);
