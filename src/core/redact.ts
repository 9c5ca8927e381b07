/** Removes every occurrence of the given secrets from a text, so it can be logged, stored or shown. */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    // Very short values would mask ordinary words; a credential is never that short.
    if (secret && secret.length >= 6) out = out.split(secret).join('****');
  }
  return out.replace(/Bearer\s+[A-Za-z0-9._~+/=-]{6,}/g, 'Bearer ****');
}

/** The start of a response body, for delivery records and the admin page. */
export function excerpt(text: string, secrets: readonly (string | undefined)[], maxChars = 300): string {
  const clean = redactSecrets(text, secrets).replace(/\s+/g, ' ').trim();
  return clean.length > maxChars ? `${clean.slice(0, maxChars)}…` : clean;
}
