// Server-only public API of the rehabiliteringsteam module: the use cases.
export {
  createMeeting,
  updateMeeting,
  meetingDefaults,
  teamOverview,
  listTeamMeetings,
  readMeeting,
  listReadyCases,
  meetingVisible,
  type AgendaEntry,
  type MeetingFormDefaults,
  type MeetingRecord,
  type MeetingView,
  type SaveMeetingResult,
} from "./meetings.server";
export { addToAgenda, removeFromAgenda, updateSchedule, type AgendaResult } from "./agenda.server";
export {
  sendInvitations,
  sendMinutesLetters,
  minutesPdf,
  meetingInvitation,
  type LettersResult,
} from "./letters.server";
export {
  recordIndstilling,
  latestIndstilling,
  indstillingerForCase,
  durationErrors,
  type RecordIndstillingResult,
} from "./indstilling.server";
export { readAgendaCase, type AgendaCaseView } from "./read-agenda-case.server";
