// Server-only public API of the follow-up module: case-scoped reads (they take the CaseAccess of readCase) and use cases.
export {
  conversationsOf,
  followUpGlance,
  followUpOverview,
  openRequests,
  type FollowUpDeadline,
  type FollowUpOverview,
} from "./read-followup.server";
export { cancelConversation, markNoShow, recordHeldConversation, scheduleConversation } from "./conversations.server";
export { assessNonAttendance, proposeSanction, withdrawSanction, type AssessResult } from "./non-attendance.server";
export { handleRequest, type HandleRequestResult } from "./requests.server";
export { myMeetingsCalendar, CALENDAR_PAST_DAYS } from "./calendar.server";
export { buildCalendar, escapeText, foldLine, type CalendarEvent } from "./ical";
export type { ConversationResult } from "./shared.server";
