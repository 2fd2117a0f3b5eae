// Server-only public API of the afgørelser module: the use cases.
export { decide, type DecideResult } from "./decide.server";
export { sendBackToTeam, SendBackInput, type SendBackResult } from "./send-back-to-team.server";
export { decisionOverview, decisionsOf, indstillingOf } from "./read-decisions.server";
