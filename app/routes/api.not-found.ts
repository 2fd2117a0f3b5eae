import { problem } from "~/app/lib/problem.server";

// A resource route, so API callers get problem+json rather than the HTML 404 page.
export function loader() {
  return problem(404, "Ikke fundet");
}

export function action() {
  return problem(404, "Ikke fundet");
}
