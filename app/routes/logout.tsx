import { redirect } from "react-router";
import type { Route } from "./+types/logout";
import { readForm } from "~/app/lib/auth.server";
import { logoutAndRedirect } from "~/app/lib/session.server";

export function loader() {
  return redirect("/");
}

export async function action({ request, context }: Route.ActionArgs) {
  await readForm(request, context);
  return logoutAndRedirect(context);
}
