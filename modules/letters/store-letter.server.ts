import { createHash } from "node:crypto";
import { recordAudit, type AuditWho } from "~/platform/audit/audit.db.server";
import type { Queryable } from "~/platform/db/client.server";
import { enqueue, insertLetter } from "./letters.db.server";

export interface LetterToStore {
  municipalityId: string;
  citizenId: string;
  caseId: string | null;
  kind: string;
  title: string;
  pdf: Buffer;
  createdBy: string | null;
}

/**
 * Stores a letter and queues it for sending, inside the caller's transaction: the decision and its letter commit
 * together or not at all. Sending happens after the commit (dispatchOutbox).
 */
export async function storeLetter(
  tx: Queryable,
  who: AuditWho,
  letter: LetterToStore,
  channel = "file",
): Promise<string> {
  const sha256 = createHash("sha256").update(letter.pdf).digest("hex");
  const id = await insertLetter(tx, { ...letter, sha256 });
  await enqueue(tx, id, `letter:${id}:citizen`, channel);
  await recordAudit(tx, who, {
    action: "letter.create",
    citizenId: letter.citizenId,
    municipalityId: letter.municipalityId,
    entityType: "letter",
    entityId: id,
    changes: { kind: { before: null, after: letter.kind }, title: { before: null, after: letter.title } },
  });
  return id;
}
