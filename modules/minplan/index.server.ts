// Server-only public API of Min Plan: the citizen's audited read and requests.
export { readMinPlan } from "./read-minplan.server";
export { addOwnView, requestConversation, type OwnViewResult, type RequestResult } from "./citizen-requests.server";
