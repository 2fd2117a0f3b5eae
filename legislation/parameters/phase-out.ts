import { dated } from "../dated";
import { LAW_2013, LAW_2026, RULES_MD } from "../sources";

const PHASE_OUT_SOURCE = `${RULES_MD} R2026 [external: lovguiden.dk L 66; STAR webinar 21.01.2026; ligevaerd.dk]`;

/**
 * TG-10: whether a ressourceforløb may be granted with a decision on this date. The cut-off is
 * by decision date [verify]; a forløb granted by 2026-01-31 may still begin later.
 */
export const newGrantsAllowed = dated<boolean>("phaseOut.newGrantsAllowed", "Nye ressourceforløb kan bevilges", [
  {
    from: "2013-01-01",
    value: true,
    citation: { law: LAW_2013, paragraph: "LAB kap. 12 b (senere kap. 19)", source: RULES_MD },
  },
  {
    from: "2026-02-01",
    value: false,
    citation: { law: LAW_2026, paragraph: "§ 1 (ophævelse af kap. 19) og § 4", source: PHASE_OUT_SOURCE, verified: false },
    note: "Skæring efter afgørelsesdato, analogt med revalidering.",
  },
]);

/**
 * R2026: the rehabiliteringsteam exists until this parameter turns false. The date is
 * unverified (possibly 2026-07-01); after it, sundhedskoordinatorens rådgivning replaces the
 * team for fleksjob and førtidspension [verify].
 */
export const rehabiliteringsteamExists = dated<boolean>(
  "phaseOut.rehabiliteringsteamExists",
  "Rehabiliteringsteamet findes",
  [
    {
      from: "2013-01-01",
      value: true,
      citation: { law: LAW_2013, paragraph: "LAB kap. 12 a (rehabiliteringsteam)", source: RULES_MD },
    },
    {
      from: "2026-07-01",
      value: false,
      citation: { law: LAW_2026, paragraph: "ikrafttræden (ukendt)", source: PHASE_OUT_SOURCE, verified: false },
      note: "Datoen er ikke verificeret.",
    },
  ],
);

/** R2026 wording: the law says "kommunen" instead of "jobcenteret" from 2026-02-01. */
export const authorityName = dated<string>("phaseOut.authorityName", "Myndighedens betegnelse i breve", [
  { from: "2013-01-01", value: "jobcenteret", citation: { law: LAW_2013, paragraph: "LAB", source: RULES_MD } },
  {
    from: "2026-02-01",
    value: "kommunen",
    citation: { law: LAW_2026, paragraph: "ændring af betegnelser", source: PHASE_OUT_SOURCE, verified: false },
  },
]);
