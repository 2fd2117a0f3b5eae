import { type RouteConfig, index, route } from "@react-router/dev/routes";

export default [
  index("routes/home.tsx"),
  route("login", "routes/login.tsx"),
  route("demo", "routes/demo-login.tsx"),
  route("logout", "routes/logout.tsx"),
  route("auth/oidc/start", "routes/oidc-start.tsx"),
  route("auth/oidc/callback", "routes/oidc-callback.tsx"),
  route("borgere", "routes/citizens.tsx"),
  route("borgere/ny", "routes/citizen-new.tsx"),
  route("borgere/:citizenId", "routes/citizen-view.tsx"),
  route("borgere/:citizenId/rediger", "routes/citizen-edit.tsx"),
  route("admin/audit", "routes/admin-audit.tsx"),
  route("admin/tokens", "routes/admin-tokens.tsx"),
  // -- cases (visitation, people) --
  route("sager", "routes/cases.tsx"),
  route("sager/ny", "routes/case-new.tsx"),
  route("sager/:caseId", "routes/case-overview.tsx"),
  route("sager/:caseId/visitation", "routes/case-visitation.tsx"),
  route("sager/:caseId/personer", "routes/case-people.tsx"),
  // -- rehabiliteringsteam --
  route("team", "routes/team.tsx"),
  route("team/moeder/ny", "routes/team-meeting-new.tsx"),
  route("team/moeder/:meetingId", "routes/team-meeting.tsx"),
  route("team/moeder/:meetingId/referat.pdf", "routes/team-minutes.ts"),
  route("team/moeder/:meetingId/breve/:letterId", "routes/team-letter.ts"),
  route("team/moeder/:meetingId/sager/:caseId", "routes/team-case.tsx"),
  // -- afgørelser and letters --
  route("sager/:caseId/afgoerelse", "routes/case-decision.tsx"),
  route("breve/:letterId", "routes/letter.ts"),
  route("api/v1/cases/:caseId/decisions", "routes/api.v1.decisions.ts"),
  // -- plan and Min Plan --
  route("sager/:caseId/plan", "routes/case-plan.tsx"),
  route("sager/:caseId/plan.pdf", "routes/case-plan-pdf.ts"),
  route("sager/:caseId/plan/historik", "routes/case-plan-history.tsx"),
  route("min-plan", "routes/minplan.tsx"),
  route("min-plan/om-ressourceforloeb", "routes/minplan-about.tsx"),
  route("api/v1/cases/:caseId/plan", "routes/api.v1.plans.ts"),
  route("api/v1/cases/:caseId/plan/revisions/:revision", "routes/api.v1.plans-revision.ts"),
  // -- issue 5: follow-up --
  // -- issue 5: interventions --
  // -- issue 5: ending, appeals, moving --
  // -- issue 5: deadlines --
  // -- rules --
  route("regler", "routes/rules.tsx"),
  route("regler/test", "routes/rules-test.tsx"),
  route("api/openapi.json", "routes/api.openapi.ts"),
  route("api/v1/me", "routes/api.v1.me.ts"),
  route("api/v1/citizens", "routes/api.v1.citizens.ts"),
  route("api/v1/citizens/search", "routes/api.v1.citizens-search.ts"),
  route("api/v1/citizens/:citizenId", "routes/api.v1.citizen.ts"),
  // -- api: cases, team, decisions, plans, rules --
  route("api/v1/cases", "routes/api.v1.cases.ts"),
  route("api/v1/cases/:caseId", "routes/api.v1.case.ts"),
  route("api/v1/cases/:caseId/visitation", "routes/api.v1.case-visitation.ts"),
  route("api/v1/rules/evaluate", "routes/api.v1.rules-evaluate.ts"),
  route("api/v1/rules/ydelse", "routes/api.v1.rules-ydelse.ts"),
  route("api/v1/team-meetings", "routes/api.v1.team-meetings.ts"),
  route("api/v1/team-meetings/:meetingId", "routes/api.v1.team-meeting.ts"),
  route("api/*", "routes/api.not-found.ts"),
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
