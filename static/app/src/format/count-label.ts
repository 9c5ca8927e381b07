/** "1 delivery", "12 deliveries": a count with its noun in the right number. */
export function countLabel(count: number, singular: string, plural: string): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
