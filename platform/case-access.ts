declare const audited: unique symbol;

/**
 * Proof that the caller read a case through the cases module, which checked the municipality and wrote the
 * access event. Other modules' case-scoped reads require it, so no read of a citizen's case skips the audit log.
 */
export type CaseAccess = {
  readonly caseId: string;
  readonly citizenId: string;
  readonly municipalityId: string;
  readonly [audited]: true;
};

/** Minted only after an audited read: the cases module (staff) and Min Plan (the citizen reading their own case). */
export function mintCaseAccess(v: { caseId: string; citizenId: string; municipalityId: string }): CaseAccess {
  return v as CaseAccess;
}
