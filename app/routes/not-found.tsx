import type { Route } from "./+types/not-found";

export function loader({ request }: Route.LoaderArgs) {
  const path = new URL(request.url).pathname;
  if (path.startsWith("/api/")) {
    throw new Response(JSON.stringify({ type: "about:blank", title: "Ikke fundet", status: 404 }), {
      status: 404,
      headers: { "Content-Type": "application/problem+json; charset=utf-8" },
    });
  }
  throw new Response("Ikke fundet", { status: 404 });
}

export default function NotFound() {
  return null;
}
