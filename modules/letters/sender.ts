/**
 * The interface a letter channel implements. The default writes files; a Digital Post sender (MeMo over
 * NgDP) implements the same two members, see docs/digital-post.md.
 */
export interface OutgoingLetter {
  /** Stable for one letter to one recipient: the same key must never produce two deliveries. */
  idempotencyKey: string;
  letterId: string;
  kind: string;
  title: string;
  pdf: Buffer;
  recipient: { cpr: string; name: string; address: string; postalCode: string; city: string };
  sender: { municipalityCode: string; municipalityName: string };
  createdAt: Date;
}

export interface LetterSender {
  channel: string;
  /**
   * Delivers the letter. Must be idempotent on `idempotencyKey`: if it was delivered before, return the
   * earlier reference instead of delivering again. Throw to have the outbox retry later.
   */
  send(letter: OutgoingLetter): Promise<{ externalRef: string }>;
}
