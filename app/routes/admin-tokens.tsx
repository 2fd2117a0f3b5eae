import { Form } from "react-router";
import type { Route } from "./+types/admin-tokens";
import { Breadcrumbs } from "~/app/components/Breadcrumbs";
import { CsrfInput } from "~/app/components/CsrfInput";
import { Alert, ErrorSummary, SelectField, TextField } from "~/app/components/fields";
import { readForm, requireUser, useCase } from "~/app/lib/auth.server";
import { formatDateTime } from "~/app/lib/format";
import { TOKEN_ROLES } from "~/modules/admin";
import { createToken, listTokens, revokeToken } from "~/modules/admin/index.server";
import { ROLE_LABELS, type Role } from "~/platform/auth/actor";

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = requireUser(request, context, "token.manage");
  const tokens = await listTokens(useCase(context, actor));
  return {
    municipality: actor.municipalityName,
    tokens: tokens.map((t) => ({
      id: t.id,
      name: t.name,
      role: ROLE_LABELS[t.role as Role] ?? t.role,
      prefix: t.prefix,
      createdAt: formatDateTime(t.createdAt),
      lastUsedAt: t.lastUsedAt ? formatDateTime(t.lastUsedAt) : null,
      revokedAt: t.revokedAt ? formatDateTime(t.revokedAt) : null,
    })),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireUser(request, context, "token.manage");
  const form = await readForm(request, context);
  const ctx = useCase(context, actor);
  if (form.get("intent") === "revoke") {
    const r = await revokeToken(ctx, String(form.get("id") ?? ""));
    return { revoked: r.ok, created: null, errors: {} as Record<string, string>, values: null };
  }
  const values = { name: String(form.get("name") ?? ""), role: String(form.get("role") ?? "") };
  const r = await createToken(ctx, values);
  if (!r.ok) return { errors: r.errors, values, created: null, revoked: null };
  return {
    created: { token: r.token, name: r.name },
    errors: {} as Record<string, string>,
    values: null,
    revoked: null,
  };
}

export const meta: Route.MetaFunction = () => [{ title: "API-adgang – Ressourceforløb" }];

export default function AdminTokens({ loaderData, actionData }: Route.ComponentProps) {
  const roleOptions = TOKEN_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
  return (
    <div className="stack">
      <Breadcrumbs items={[{ label: "Forside", to: "/" }, { label: "API-adgang" }]} />
      <h1>API-adgang for andre systemer</h1>
      <p>
        Et API-token giver et andet system adgang som én rolle i {loaderData.municipality}. Systemet sender det i
        headeren <code>Authorization: Bearer …</code>. Alt, hvad systemet gør, står i adgangsloggen.
      </p>
      {actionData?.created ? (
        <Alert kind="success" heading={`Token til "${actionData.created.name}" er oprettet`}>
          <p>Kopiér det nu. Det vises kun denne ene gang.</p>
          <p>
            <code data-testid="new-token">{actionData.created.token}</code>
          </p>
        </Alert>
      ) : null}
      {actionData?.revoked ? <Alert kind="success" heading="Tokenet er tilbagekaldt og virker ikke længere." /> : null}
      <section>
        <h2>Tokens</h2>
        <table className="table table--zebra">
          <caption className="visually-hidden">API-tokens i kommunen</caption>
          <thead>
            <tr>
              <th scope="col">Navn</th>
              <th scope="col">Rolle</th>
              <th scope="col">Begynder med</th>
              <th scope="col">Oprettet</th>
              <th scope="col">Sidst brugt</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {loaderData.tokens.map((t) => (
              <tr key={t.id}>
                <td>{t.name}</td>
                <td>{t.role}</td>
                <td>
                  <code>rf_{t.prefix}_…</code>
                </td>
                <td>{t.createdAt}</td>
                <td>{t.lastUsedAt ?? "Aldrig"}</td>
                <td>
                  {t.revokedAt ? (
                    `Tilbagekaldt ${t.revokedAt}`
                  ) : (
                    <Form method="post">
                      <CsrfInput />
                      <input type="hidden" name="id" value={t.id} />
                      <button
                        type="submit"
                        name="intent"
                        value="revoke"
                        className="button button-secondary"
                        aria-label={`Tilbagekald ${t.name}`}
                      >
                        Tilbagekald
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section>
        <h2>Opret token</h2>
        <Form method="post" noValidate className="stack">
          <ErrorSummary errors={actionData?.errors ?? {}} labels={{ name: "Navn", role: "Rolle" }} />
          <CsrfInput />
          <TextField
            name="name"
            label="Navn"
            hint="Hvilket system bruger tokenet?"
            defaultValue={actionData?.values?.name}
            error={actionData?.errors?.name}
          />
          <SelectField
            name="role"
            label="Rolle"
            options={roleOptions}
            defaultValue={actionData?.values?.role}
            error={actionData?.errors?.role}
          />
          <button type="submit" name="intent" value="create" className="button button-primary">
            Opret token
          </button>
        </Form>
      </section>
    </div>
  );
}
