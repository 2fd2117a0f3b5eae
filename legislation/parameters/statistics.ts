import { dated } from "../dated";
import { FAABORG_004, RULES_MD } from "../sources";

const JOBINDSATS = "jobindsats.dk, dokumentation af diskretionering og virksomhedsrettet indsats";

/**
 * The statistics' definitions (ST-2, ST-4): the smallest number of persons shown in a cell (jobindsats.dk practice:
 * fewer are shown as "<5"), the intervention kinds that count as virksomhedsrettet, and the default target share.
 */
export const statisticsRules = dated<{
  minCellPersons: number;
  virksomhedsrettetKinds: readonly string[];
  mentorKinds: readonly string[];
  defaultVirksomhedsrettetTargetPct: number;
}>("statistics.rules", "Statistik: diskretionering, virksomhedsrettet indsats og målsætning", [
  {
    from: "2013-01-01",
    value: {
      minCellPersons: 5,
      // Virksomhedspraktik (LAB kap. 11) and løntilskud (LAB kap. 12), as jobindsats.dk's "virksomhedsrettet indsats".
      virksomhedsrettetKinds: ["lab11", "lab12"],
      mentorKinds: ["lab26mentor"],
      defaultVirksomhedsrettetTargetPct: 30,
    },
    citation: {
      law: "Statistikdefinition",
      paragraph: "jobindsats.dk-praksis",
      source: `${RULES_MD} ST-2, ST-4; ${FAABORG_004} (mål 30 %) [external: ${JOBINDSATS}]`,
      verified: false,
    },
    note: "Grænsen på 5 personer og afgrænsningen af virksomhedsrettet indsats følger jobindsats.dk's praksis; ikke kontrolleret mod kilden.",
  },
]);
