/** Danish wording of audit actions, for the admin's log and the citizen's insight. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  "citizen.read.view": "Så borgerens oplysninger",
  "citizen.read.edit": "Åbnede borgerens oplysninger til redigering",
  "citizen.read.api": "Læste borgerens oplysninger via API",
  "citizen.read.notFound": "Forsøgte at åbne en borger, der ikke findes i kommunen",
  "citizen.listed": "Så borgeren i en liste eller et søgeresultat",
  "citizen.create": "Oprettede borgeren",
  "citizen.update": "Ændrede borgerens oplysninger",
  "audit.lookupCitizen": "Slog borgeren op i adgangsloggen",
  "auth.login": "Loggede på",
  "auth.logout": "Loggede af",
  "token.create": "Oprettede API-token",
  "token.revoke": "Tilbagekaldte API-token",
  "demo.seed": "Oprettede demodata",
};

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}
