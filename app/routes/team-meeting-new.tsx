import { redirect } from "react-router";
import type { Route } from "./+types/team-meeting-new";
import { Breadcrumbs } from "~/app/components/Breadcrumbs";
import { meetingFormValues, TeamMeetingForm } from "~/app/components/TeamMeetingForm";
import { readForm, requireUser, useCase } from "~/app/lib/auth.server";
import { createMeeting, meetingDefaults } from "~/modules/rehabiliteringsteam/index.server";

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireUser(request, context, "team.manage");
  const d = await meetingDefaults(useCase(context, actor));
  return {
    values: {
      meetingDate: d.meetingDate,
      startTime: d.startTime,
      place: d.place,
      members: d.members.map((m) => ({ area: m.area, name: m.name, title: m.title ?? "" })),
    },
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireUser(request, context, "team.manage");
  const form = await readForm(request, context);
  const values = meetingFormValues(form);
  if (form.get("intent") === "addMember") return { values, errors: {}, extraRows: 2 };
  const result = await createMeeting(useCase(context, actor), values);
  if (result.ok) throw redirect(`/team/moeder/${result.id}?besked=oprettet`);
  if (result.reason === "INVALID") return { values, errors: result.errors, extraRows: 1 };
  throw new Response("Mødet kunne ikke oprettes", { status: 500 });
}

export const meta: Route.MetaFunction = () => [{ title: "Nyt møde i rehabiliteringsteamet – Ressourceforløb" }];

export default function NewTeamMeeting({ loaderData, actionData }: Route.ComponentProps) {
  return (
    <div className="stack">
      <Breadcrumbs
        items={[{ label: "Forside", to: "/" }, { label: "Rehabiliteringsteam", to: "/team" }, { label: "Nyt møde" }]}
      />
      <h1>Nyt møde i rehabiliteringsteamet</h1>
      <p>
        Sted, tidspunkt og medlemmer er hentet fra det seneste møde. Når mødet er oprettet, sætter du sagerne på
        dagsordenen; hver sag får automatisk det næste tidsrum.
      </p>
      <TeamMeetingForm
        values={actionData?.values ?? loaderData.values}
        errors={actionData?.errors ?? {}}
        extraRows={actionData?.extraRows ?? 1}
        submitLabel="Opret mødet"
        cancelTo="/team"
      />
    </div>
  );
}
