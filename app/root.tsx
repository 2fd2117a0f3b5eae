import "dkfds/dist/css/dkfds.min.css";
import "./styles/app.css";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "react-router";
import type { Route } from "./+types/root";
import { AppHeader, type HeaderUser } from "./components/AppHeader";
import { ROLE_LABELS } from "~/platform/auth/actor";
import { isTodayPinned, today } from "~/platform/clock";

export function loader({ context }: Route.LoaderArgs) {
  const a = context.actor;
  const user: HeaderUser | null = a
    ? { name: a.name, role: a.role, roleLabel: ROLE_LABELS[a.role], municipalityName: a.municipalityName }
    : null;
  return {
    user,
    csrfToken: context.csrfToken,
    demo: context.env.demoEnabled,
    pinnedToday: isTodayPinned() ? today() : null,
  };
}

export const meta: Route.MetaFunction = () => [{ title: "Ressourceforløb" }];

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  return (
    <html lang="da">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skipnav" href="#main-content">
          Gå til sidens indhold
        </a>
        <AppHeader user={data?.user ?? null} demo={data?.demo ?? false} pinnedToday={data?.pinnedToday ?? null} />
        <main id="main-content" className="container" tabIndex={-1}>
          {children}
        </main>
        <footer className="footer">
          <div className="container">
            <p className="muted">Ressourceforløb – sagsbehandling efter LAB kapitel 19 og LAS kapitel 6 a.</p>
          </div>
        </footer>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

const MESSAGES: Record<number, { title: string; text: string }> = {
  400: { title: "Forkert forespørgsel", text: "Siden kunne ikke forstå forespørgslen." },
  401: { title: "Du skal logge på", text: "Log på for at se siden." },
  403: { title: "Ingen adgang", text: "Du har ikke adgang til denne side eller handling." },
  404: {
    title: "Siden findes ikke",
    text: "Vi kunne ikke finde det, du ledte efter. Tjek adressen, eller gå tilbage til forsiden.",
  },
  409: { title: "Konflikt", text: "Nogen har ændret oplysningerne i mellemtiden." },
};

/** Danish error pages. Never a stack trace: the build runs React Router in production mode. */
export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const known = MESSAGES[status];
  const title = known?.title ?? "Der opstod en fejl";
  const detail =
    isRouteErrorResponse(error) && typeof error.data === "string" && error.data && status !== 404
      ? error.data
      : (known?.text ?? "Der skete en uventet fejl hos os. Prøv igen om lidt. Fejlen er registreret.");
  return (
    <div className="stack">
      <title>{`${title} – Ressourceforløb`}</title>
      <h1>{title}</h1>
      <p>{detail}</p>
      <p className="muted">Fejlkode {status}</p>
      <p>
        <a href="/">Gå til forsiden</a>
      </p>
    </div>
  );
}
