import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { LetterSender, OutgoingLetter } from "./sender";

/**
 * The default channel: writes each letter as <key>.pdf with a <key>.json envelope. Creating the envelope with
 * the exclusive flag makes a retry of the same key a no-op, so nothing is ever sent twice.
 */
export function fileSender(dir: string): LetterSender {
  return {
    channel: "file",
    async send(letter: OutgoingLetter) {
      await mkdir(dir, { recursive: true });
      const base = path.join(dir, letter.idempotencyKey.replace(/[^a-zA-Z0-9_-]/g, "_"));
      const envelope = {
        idempotencyKey: letter.idempotencyKey,
        letterId: letter.letterId,
        kind: letter.kind,
        title: letter.title,
        // The envelope names the recipient by name and address; the CPR stays in the database.
        recipient: {
          name: letter.recipient.name,
          address: letter.recipient.address,
          postalCode: letter.recipient.postalCode,
          city: letter.recipient.city,
        },
        sender: letter.sender,
        createdAt: letter.createdAt.toISOString(),
      };
      await writeFile(`${base}.pdf`, letter.pdf);
      try {
        await writeFile(`${base}.json`, JSON.stringify(envelope, null, 2), { flag: "wx" });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
        const earlier = JSON.parse(await readFile(`${base}.json`, "utf8")) as { letterId: string };
        if (earlier.letterId !== letter.letterId) throw new Error(`idempotency key reused for another letter`);
      }
      return { externalRef: `file:${path.basename(base)}` };
    },
  };
}
