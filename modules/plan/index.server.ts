// Server-only public API of the plan module: case-scoped reads (they take the CaseAccess of readCase) and use cases.
export { currentPlan, planRevisions, planRevision, planVersion } from "./read-plan.server";
export { revisePlan, type RevisePlanResult } from "./revise-plan.server";
export { printPlan, sendPlanToCitizen, type SendPlanResult } from "./send-plan.server";
