import { dated } from "../dated";
import { LAB, SKRIVELSE_002 } from "../sources";

/**
 * E-2: the kontanthjælp gate. `seedPath2FromAge` is the age limit seed 002 §6.7 puts on the
 * second path (rules.md E-2 and §6.5 have none); it only drives a warning.
 */
export interface KontanthjaelpGate {
  seedPath2FromAge: number;
}

export const kontanthjaelpGate = dated<KontanthjaelpGate>("ending.kontanthjaelpGate", "Overgang til kontanthjælp efter ressourceforløb", [
  {
    from: "2013-01-01",
    value: { seedPath2FromAge: 50 },
    citation: { law: LAB, paragraph: "§ 113, stk. 2", source: `${SKRIVELSE_002} §6.5, §6.7 (perioden før 2022 ikke kontrolleret)`, verified: false },
  },
  {
    from: "2022-01-01",
    value: { seedPath2FromAge: 50 },
    citation: { law: LAB, paragraph: "§ 113, stk. 2", source: `${SKRIVELSE_002} §6.5, §6.7` },
  },
]);
