export {
  DEADLINE_KINDS,
  DEADLINE_STATUS_LABELS,
  deadlineStatus,
  computeDeadlines,
  type DeadlineKind,
  type DeadlineStatus,
  type ComputedDeadline,
  type DeadlineFacts,
} from "./deadlines";
