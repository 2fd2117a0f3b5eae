import { dated } from "../dated";
import { HALSNAES_001, LAB, SKRIVELSE_002 } from "../sources";
import type { ConversationMode, InterventionKind } from "./kinds";

/** FU-1 / FU-2: the conversation requirement of the first months and when remote modes are allowed. */
export interface FollowUpRules {
  required: number;
  windowMonths: number;
  remoteModes: readonly ConversationMode[];
  /** FU-2: a remote conversation is allowed while the citizen is in one of these offers. */
  employmentOrientedKinds: readonly InterventionKind[];
}

const RULES: FollowUpRules = {
  required: 4,
  windowMonths: 6,
  remoteModes: ["phone", "video", "digital"],
  employmentOrientedKinds: ["lab11", "lab12", "lab14"],
};

/**
 * Seed 001 (2019) says the new beskæftigelsesindsatslov (in force 2020-01-01) brings the
 * 4-conversations requirement; seed 002 confirms it from 2022. Forløb started before 2020 are
 * not covered (no value in force).
 */
export const followUpRules = dated<FollowUpRules>("followUp.rules", "Samtaler i de første 6 måneder", [
  {
    from: "2013-01-01",
    value: null,
    citation: { law: LAB, paragraph: "§§ 27, 31-33", source: `${HALSNAES_001} (kravet kom med loven fra 2020)`, verified: false },
    note: "Kravet før 2020 er ikke kendt fra kilderne.",
  },
  {
    from: "2020-01-01",
    value: RULES,
    citation: { law: LAB, paragraph: "§§ 27, 31-33", source: `lov nr. 548 af 7. maj 2019; ${HALSNAES_001}`, verified: false },
  },
  {
    from: "2022-01-01",
    value: RULES,
    citation: { law: LAB, paragraph: "§§ 27, 31-33", source: `${SKRIVELSE_002} §5.3, §5.5` },
  },
]);
