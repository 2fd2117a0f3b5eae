import type { Route } from "./+types/not-found";

export function loader(_: Route.LoaderArgs) {
  throw new Response("Ikke fundet", { status: 404 });
}

export default function NotFound() {
  return null;
}
