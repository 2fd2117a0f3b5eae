/** A field-level change: only fields whose value changed are recorded. */
export type FieldChanges = Record<string, { before: unknown; after: unknown }>;

export interface AuditEventInput {
  action: string;
  citizenId?: string | null;
  municipalityId?: string | null;
  entityType?: string;
  entityId?: string;
  changes?: FieldChanges | null;
}

/** Compares two flat records and returns the changed fields, before and after. */
export function diffFields(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): FieldChanges {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: FieldChanges = {};
  for (const key of keys) {
    const b = before?.[key] ?? null;
    const a = after?.[key] ?? null;
    if (JSON.stringify(b) !== JSON.stringify(a)) changes[key] = { before: b, after: a };
  }
  return changes;
}
