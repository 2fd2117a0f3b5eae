import type { Database } from "~/platform/db/client.server";
import { claimDue, letterForSending, markFailed, markSent } from "./letters.db.server";
import type { LetterSender } from "./sender";

/**
 * Sends what is due in the outbox. Each row is claimed and marked in one transaction, so a crash between
 * sending and marking leads to a retry with the same idempotency key, which the sender treats as already sent.
 */
export async function dispatchOutbox(
  db: Database,
  sender: LetterSender,
  limit = 20,
): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const [row] = await claimDue(tx, 1);
      if (!row) return null;
      const letter = await letterForSending(tx, row.letter_id);
      try {
        if (!letter) throw new Error("letter not found");
        const result = await sender.send({
          idempotencyKey: row.idempotency_key,
          letterId: letter.id,
          kind: letter.kind,
          title: letter.title,
          pdf: letter.pdf,
          recipient: {
            cpr: letter.cpr,
            name: letter.name,
            address: letter.address,
            postalCode: letter.postalCode,
            city: letter.city,
          },
          sender: { municipalityCode: letter.municipalityCode, municipalityName: letter.municipalityName },
          createdAt: letter.createdAt,
        });
        await markSent(tx, row.id, result.externalRef);
        return "sent";
      } catch (error) {
        await markFailed(tx, row.id, row.attempts, error instanceof Error ? error.message : String(error));
        return "failed";
      }
    });
    if (done === null) break;
    if (done === "sent") sent++;
    else failed++;
    if (sent + failed >= limit) break;
  }
  return { sent, failed };
}
