export const LETTER_KINDS = {
  decision: "Afgørelse",
  invitation: "Indkaldelse til rehabiliteringsteamet",
  minutes: "Referat fra rehabiliteringsteamet",
  plan: "Rehabiliteringsplanens indsatsdel",
  other: "Brev",
} as const;
export type LetterKind = keyof typeof LETTER_KINDS;
