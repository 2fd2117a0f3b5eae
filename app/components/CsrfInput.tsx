import { useRouteLoaderData } from "react-router";

/** Every form that posts carries the CSRF token from the root loader. */
export function CsrfInput() {
  const data = useRouteLoaderData("root") as { csrfToken?: string } | undefined;
  return <input type="hidden" name="_csrf" value={data?.csrfToken ?? ""} />;
}
