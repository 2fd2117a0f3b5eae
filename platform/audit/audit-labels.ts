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
  "statistics.population.import": "Indtastede eller importerede befolkningstal til statistikken",
  "statistics.target.update": "Ændrede kommunens mål for virksomhedsrettet indsats og mentor",
  "demo.seed": "Oprettede demodata",
  "case.open": "Åbnede en sag om ressourceforløb",
  "case.listed": "Så sagen i en liste",
  "case.read.notFound": "Forsøgte at åbne en sag, der ikke findes i kommunen",
  "case.visitation.save": "Gemte visitationen",
  "case.coordinator.assign": "Skiftede koordinerende sagsbehandler",
  "case.jobformidler.save": "Registrerede tilbud om personlig jobformidler",
  "case.backToTeam": "Sendte sagen tilbage til rehabiliteringsteamet (P-3)",
  "case.read.team": "Så sagen som medlem af rehabiliteringsteamet",
  "team.meeting.create": "Oprettede et møde i rehabiliteringsteamet",
  "team.meeting.update": "Ændrede et møde i rehabiliteringsteamet",
  "team.meeting.read.notFound": "Forsøgte at åbne et møde, der ikke findes",
  "team.agenda.add": "Satte sagen på teamets dagsorden",
  "team.agenda.remove": "Tog sagen af teamets dagsorden",
  "team.agenda.schedule": "Ændrede tidsplanen for teammødet",
  "team.case.read.notOnAgenda": "Forsøgte at åbne en sag, der ikke er på teamets dagsorden",
  "team.invitation.send": "Sendte indkaldelse til rehabiliteringsteamet",
  "team.indstilling.record": "Registrerede teamets indstilling",
  "team.indstilling.correct": "Rettede teamets indstilling",
  "team.minutes.send": "Sendte referat fra rehabiliteringsteamet",
  "afgoerelse.create": "Traf afgørelse",
  "letter.create": "Dannede et brev",
  "letter.read": "Åbnede et brev",
  "letter.read.notFound": "Forsøgte at åbne et brev, der ikke findes",
  "plan.revise": "Reviderede rehabiliteringsplanens indsatsdel",
  "plan.send": "Sendte planen til borgeren",
  "minplan.read": "Borgeren så Min Plan",
  "minplan.request.conversation": "Borgeren bad om en samtale",
  "minplan.request.view": "Borgeren tilføjede sit eget syn",
  "minplan.view.forTeam": "Borgeren skrev til teamet (Min sag til teamet)",
  "forloeb.nextStep": "Besluttede næste skridt efter forløbet (D-6)",
  "forloeb.end": "Afsluttede forløbet (E-1)",
  "forloeb.endForLackOfParticipation": "Afsluttede forløb og ydelse for manglende medvirken (E-4)",
  "forloeb.statusAfter3Months": "Registrerede status 3 måneder efter (ST-7)",
  "appeal.register": "Registrerede en klage (A-1)",
  "appeal.reassess": "Genvurderede en klage (A-2)",
  "appeal.outcome": "Registrerede Ankestyrelsens afgørelse (A-3)",
  "case.import": "Modtog sagen fra en anden kommune (P-8)",
  "case.export": "Hentede sagen til flytning (P-8)",
  "deadline.listed": "Så sagens frister i en liste",
};

const PREFIX_LABELS: [string, string][] = [
  ["case.read.", "Så sagen"],
  ["team.agenda.read.", "Så sagen på teamets dagsorden"],
];

/** `extra`: labels a module owns for its own actions (merged by the page that shows the log). */
export function auditActionLabel(action: string, extra: Record<string, string> = {}): string {
  const exact = extra[action] ?? AUDIT_ACTION_LABELS[action];
  if (exact) return exact;
  const prefix = PREFIX_LABELS.find(([p]) => action.startsWith(p));
  return prefix ? `${prefix[1]} (${action.slice(prefix[0].length)})` : action;
}
