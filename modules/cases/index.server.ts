// Server-only public API of the cases module.
export { openCase, OpenCaseInput } from "./open-case.server";
export { saveVisitation, type SaveVisitationResult } from "./save-visitation.server";
export { readCase, visitationStatus, type CaseView } from "./read-case.server";
export {
  setCaseStatus,
  findCase,
  listCasesByStatus,
  listCasesOfCitizen,
  forloebOfCitizen,
  currentCoordinator,
} from "./cases.db.server";
export { visitationFindings } from "./visitation-findings";
export { listCases, casesOfCitizen } from "./list-cases.server";
export { assignCoordinator, saveJobformidler, peopleOfCase, reassignCase, staffList } from "./people.server";
