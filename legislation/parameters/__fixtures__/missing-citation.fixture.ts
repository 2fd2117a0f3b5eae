// Test fixture: a parameter module whose entry lacks a citation. Importing it must fail at
// module load (dated.test.ts). Not imported by anything else.
import type { Citation } from "../../citation";
import { dated } from "../../dated";

export const broken = dated<number>("fixture.broken", "Uden hjemmel", [
  { from: "2022-01-01", value: 1, citation: undefined as unknown as Citation },
]);
