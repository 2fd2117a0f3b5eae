import type { Route } from "./+types/api.v1.conversations";
import { apiActor, fieldProblem, guard, json, methodNotAllowed, rawJsonBody } from "~/app/api/handler.server";
import { ConversationCreated, ConversationList, conversationResource } from "~/app/api/operations-opfoelgning";
import { useCase } from "~/app/lib/auth.server";
import { problem } from "~/app/lib/problem.server";
import { readCase } from "~/modules/cases/index.server";
import { conversationsOf, recordHeldConversation, scheduleConversation } from "~/modules/opfoelgning/index.server";

const NOT_FOUND = () => problem(404, "Sagen findes ikke");

/** GET /api/v1/cases/{caseId}/conversations: every conversation of the case, newest first, with FU findings. */
export function loader({ params, context }: Route.LoaderArgs) {
  return guard(context, async () => {
    const actor = apiActor(context, "case.read");
    const view = await readCase(useCase(context, actor), params.caseId, "api.conversations");
    if (!view) return NOT_FOUND();
    const items = await conversationsOf(context.db, view.access);
    return json(
      ConversationList.parse({ caseId: view.case.id, items: items.map((c) => conversationResource(view.case.id, c)) }),
    );
  });
}

/** POST /api/v1/cases/{caseId}/conversations: plan a conversation, or record one as held (and book the next). */
export function action({ request, params, context }: Route.ActionArgs) {
  return guard(context, async () => {
    if (request.method !== "POST") return methodNotAllowed(["GET", "POST"]);
    const actor = apiActor(context, "case.write");
    // ConversationCreateBody documents the body; the use case validates it and names every bad field.
    const body = await rawJsonBody(request);
    const status = body && typeof body === "object" ? (body as { status?: unknown }).status : undefined;
    if (status !== "planned" && status !== "held") {
      return fieldProblem({ status: "Angiv status: planned (planlæg) eller held (holdt)" });
    }
    const ctx = useCase(context, actor);
    const r =
      status === "planned"
        ? await scheduleConversation(ctx, params.caseId, body)
        : await recordHeldConversation(ctx, params.caseId, body);
    if (r.ok) {
      const view = await readCase(ctx, params.caseId, "api.conversations");
      if (!view) return NOT_FOUND();
      const items = await conversationsOf(context.db, view.access);
      const find = (id: string) => items.find((c) => c.id === id);
      const created = find(r.id);
      if (!created) return NOT_FOUND();
      const next = r.next ? find(r.next.id) : undefined;
      return json(
        ConversationCreated.parse({
          conversation: conversationResource(view.case.id, created),
          next: next ? conversationResource(view.case.id, next) : null,
          warnings: r.warnings,
        }),
        { status: 201, headers: { Location: `/api/v1/cases/${params.caseId}/conversations` } },
      );
    }
    switch (r.reason) {
      case "NOT_FOUND":
        return NOT_FOUND();
      case "INVALID":
        return fieldProblem(r.errors);
      case "CONFLICT":
        return problem(409, "Samtalen er ændret siden den version, du sendte", {
          detail: r.current
            ? `Den gemte version er ${r.current.version} (status ${r.current.status}). Hent samtalerne igen og gentag ændringen.`
            : "Hent samtalerne igen og gentag ændringen.",
        });
      case "WRONG_STATUS":
        return problem(409, "Samtalens eller sagens status tillader ikke ændringen", { detail: r.message });
      case "REQUEST_HANDLED":
        return problem(409, "Henvendelsen er allerede behandlet", {
          detail: `${r.handledByName ?? "En anden"} behandlede den${r.handledAt ? ` ${r.handledAt.toISOString()}` : ""}.`,
        });
      case "BLOCKED":
        return problem(409, "Blokeret af reglerne", { detail: r.messages.join(" ") });
    }
  });
}
