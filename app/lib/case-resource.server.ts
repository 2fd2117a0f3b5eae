import { CaseResource } from "~/app/api/operations-cases";
import type { CaseView } from "~/modules/cases/index.server";
import { missingForTeam } from "~/modules/cases";

export function caseResource(view: CaseView) {
  const c = view.case;
  return CaseResource.parse({
    id: c.id,
    status: c.status,
    origin: c.origin,
    applicationReceivedOn: c.applicationReceivedOn,
    applicationText: c.applicationText,
    openedOn: c.openedOn,
    citizen: { id: view.citizen.id, name: view.citizen.name, birthDate: view.citizen.birthDate },
    coordinator: view.coordinator
      ? {
          name: view.coordinator.name,
          unit: view.coordinator.unit,
          unitKind: view.coordinator.unitKind,
          fromDate: view.coordinator.fromDate,
        }
      : null,
    bisidderInformedOn: c.bisidderInformedOn,
    citizenWishesForloeb: c.citizenWishesForloeb,
    judgement: c.judgement,
    preparatory: c.preparatory,
    missingForTeam: missingForTeam(c),
    version: c.version,
  });
}
