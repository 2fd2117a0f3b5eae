// Client-safe public API of Min Plan: the citizen's own view (PL-5, MT-4, P-7).
export {
  BEFORE_TEAM,
  FORM_FOR_CITIZEN,
  GOAL_FOR_CITIZEN,
  MEETING_MODES,
  PARTICIPANTS,
  REQUEST_KINDS,
  STATUS_FOR_CITIZEN,
  ConversationRequestInput,
  OwnViewInput,
  aboutFacts,
  jobformidlerRightApplies,
  longDate,
  type MinPlanMeeting,
  type MinPlanView,
} from "./minplan";
