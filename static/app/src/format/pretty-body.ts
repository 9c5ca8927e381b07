/** JSON bodies indented for reading; anything else (a template's text, a truncated body) as it is. */
export function prettyBody(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}
