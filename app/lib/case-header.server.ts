import type { CaseHeaderData } from "~/app/components/CaseHeader";
import { CASE_STATUSES } from "~/modules/cases";
import type { CaseView } from "~/modules/cases/index.server";
import { maskCpr } from "~/modules/citizens";

export function caseHeader(view: CaseView): CaseHeaderData {
  return {
    caseId: view.case.id,
    status: view.case.status,
    statusLabel: CASE_STATUSES[view.case.status],
    citizenId: view.citizen.id,
    citizenName: view.citizen.name,
    maskedCpr: maskCpr(view.citizen.cpr),
    coordinatorName: view.coordinator?.name ?? null,
  };
}
