import type { Route } from "./+types/api.v1.cases";
import { CaseListQuery, CaseSummary, OpenCaseBody } from "~/app/api/operations-cases";
import { apiActor, fieldProblem, guard, json, jsonBody, methodNotAllowed } from "~/app/api/handler.server";
import { useCase } from "~/app/lib/auth.server";
import { caseResource } from "~/app/lib/case-resource.server";
import { problem, zodProblem } from "~/app/lib/problem.server";
import { CASE_STATUSES, type CaseStatus } from "~/modules/cases";
import { listCases, openCase, readCase } from "~/modules/cases/index.server";

export function loader({ request, context }: Route.LoaderArgs) {
  return guard(context, async () => {
    const actor = apiActor(context, "case.read");
    const q = CaseListQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!q.success) return zodProblem(q.error);
    const statuses = q.data.status ? [q.data.status] : (Object.keys(CASE_STATUSES) as CaseStatus[]);
    const rows = await listCases(useCase(context, actor), statuses);
    return json({ items: rows.map((r) => CaseSummary.parse(r)) });
  });
}

export function action({ request, context }: Route.ActionArgs) {
  return guard(context, async () => {
    if (request.method !== "POST") return methodNotAllowed(["GET", "POST"]);
    const actor = apiActor(context, "case.write");
    const { citizenId, ...body } = await jsonBody(request, OpenCaseBody);
    const ctx = useCase(context, actor);
    const r = await openCase(ctx, citizenId, body);
    if (!r.ok) return r.reason === "INVALID" ? fieldProblem(r.errors) : problem(404, "Borgeren findes ikke");
    const view = await readCase(ctx, r.id, "api");
    return json(caseResource(view!), { status: 201, headers: { Location: `/api/v1/cases/${r.id}` } });
  });
}
