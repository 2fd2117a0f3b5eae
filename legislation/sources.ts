/**
 * Names of the sources the citations point to (shared/seeds and the external sources the
 * rule catalogue names). Kept in one place so the wording is the same everywhere.
 */
export const SKRIVELSE_002 = "STAR, Skrivelse om ressourceforløb nr. 10112 af 23/12 2021 (seed 002)";
export const HERNING_000 = "Herning Kommune, notat 2015 (seed 000)";
export const HALSNAES_001 = "Halsnæs jobcenter, beskæftigelsesplan 2019 (seed 001)";
export const FAABORG_004 = "Faaborg-Midtfyn Psyk-Info 2018 (seed 004)";
export const RULES_MD = "shared/spec/rules.md";

export const LAB = "LAB"; // lov om en aktiv beskæftigelsesindsats
export const LAS = "LAS"; // lov om aktiv socialpolitik
export const RETSSIKKERHEDSLOVEN = "Retssikkerhedsloven";
export const PENSIONSLOVEN = "Lov om social pension";

export const LAW_2013 = "lov nr. 1380 af 23. december 2012 (reform af førtidspension og fleksjob)";
export const LAW_2022 = "lov nr. 1160 af 8. juni 2021 (Bedre ressourceforløb)";
export const LAW_2026 = "lov nr. 1750 af 29. december 2025 (L 66)";
