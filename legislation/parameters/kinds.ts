/** The fact kinds of the evaluate contract (evaluate.md). */
export const PERIOD_KINDS = ["barsel", "fritagelse", "standby", "ordinaryWork", "stu", "khe15", "sickness"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export const INTERVENTION_KINDS = [
  "lab11",
  "lab12",
  "lab14",
  "lab26mentor",
  "serviceloven",
  "sundhedsloven",
  "other",
  "leisure",
] as const;
export type InterventionKind = (typeof INTERVENTION_KINDS)[number];

export const CONVERSATION_MODES = ["personal", "phone", "video", "digital"] as const;
export type ConversationMode = (typeof CONVERSATION_MODES)[number];

/** Danish labels for messages and letters. */
export const INTERVENTION_KIND_DA: Record<InterventionKind, string> = {
  lab11: "virksomhedspraktik (LAB kap. 11)",
  lab12: "løntilskud (LAB kap. 12)",
  lab14: "vejledning og opkvalificering (LAB kap. 14)",
  lab26mentor: "mentorstøtte (LAB kap. 26)",
  serviceloven: "indsats efter serviceloven",
  sundhedsloven: "kommunal sundhedsindsats efter sundhedsloven",
  other: "anden indsats",
  leisure: "fritidsaktivitet",
};
