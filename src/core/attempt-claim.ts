/**
 * How long a claim on one attempt of a delivery lives (src/forge/kvs-attempt-claims.ts). It only has to
 * outlive the attempt it covers (a consumer gets 55 s, a trigger 25 s): once the attempt is recorded, its
 * number protects it. A claim left by an invocation that died mid-attempt then frees itself.
 */
export const ATTEMPT_CLAIM_TTL_MINUTES = 10;

/** When a held claim is surely free again: a job scheduled this far ahead finds it gone or its attempt made. */
export const HELD_CLAIM_RECHECK_SECONDS = ATTEMPT_CLAIM_TTL_MINUTES * 60 + 60;
