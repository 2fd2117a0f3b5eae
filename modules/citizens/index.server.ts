// Server-only public API of the citizens module: the use cases.
export { readCitizen, searchCitizens, type CitizenSearchResult } from "./read-citizen.server";
export { createCitizen, updateCitizen, type SaveCitizenResult } from "./save-citizen.server";
export { findCitizenIdForAudit } from "./find-citizen-for-audit.server";
