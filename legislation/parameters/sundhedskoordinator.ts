import { dated } from "../dated";
import { LAB, LAW_2013, LAW_2022, SKRIVELSE_002 } from "../sources";
import type { InterventionKind } from "./kinds";

/** SK-1 / SK-2: the right to a conversation with the sundhedskoordinator (from 2022). */
export interface SundhedskoordinatorRight {
  /** Offers that trigger the written notice. */
  offerKinds: readonly InterventionKind[];
}

export const sundhedskoordinatorRight = dated<SundhedskoordinatorRight>(
  "sundhedskoordinator.right",
  "Ret til samtale med sundhedskoordinator",
  [
    {
      from: "2013-01-01",
      value: null,
      citation: { law: LAW_2013, paragraph: "LAB kap. 12 b", source: `${SKRIVELSE_002} §6.4 (retten gælder fra 2022)` },
    },
    {
      from: "2022-01-01",
      value: { offerKinds: ["lab11", "lab12", "lab14"] },
      citation: { law: LAB, paragraph: "§ 113, stk. 3", source: `${LAW_2022}; ${SKRIVELSE_002} §6.4` },
    },
  ],
);
