/** Shortens long listener responses so one bad HTML error page cannot flood the screen. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters)`;
}
