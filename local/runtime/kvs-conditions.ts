import { asArray, asString, isRecord } from './narrow';

/** `{ condition, values }` as @forge/kvs WhereConditions / FilterConditions build them. */
export interface Condition {
  condition: string;
  values: unknown[];
}

export function readCondition(raw: unknown): Condition | undefined {
  if (!isRecord(raw)) return undefined;
  const condition = asString(raw.condition);
  return condition ? { condition, values: asArray(raw.values) } : undefined;
}

/** Orders strings and numbers as KVS does (type first, so mixed types never compare equal). */
export function compareScalars(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === typeof b) {
    const sa = String(a);
    const sb = String(b);
    return sa < sb ? -1 : sa > sb ? 1 : 0;
  }
  return typeof a < typeof b ? -1 : 1;
}

export function compareTuples(a: unknown[], b: unknown[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const c = compareScalars(a[i], b[i]);
    if (c !== 0) return c;
  }
  return 0;
}

export function matchesCondition(value: unknown, cond: Condition): boolean {
  const [first, second] = cond.values;
  switch (cond.condition) {
    case 'EXISTS':
      return value !== undefined && value !== null;
    case 'NOT_EXISTS':
      return value === undefined || value === null;
    case 'EQUAL_TO':
      return value === first;
    case 'NOT_EQUAL_TO':
      return value !== first;
    case 'BEGINS_WITH':
      return typeof value === 'string' && value.startsWith(String(first));
    case 'CONTAINS':
      return containsValue(value, first);
    case 'NOT_CONTAINS':
      return value !== undefined && !containsValue(value, first);
    case 'BETWEEN':
      return sameKind(value, first) && compareScalars(value, first) >= 0 && compareScalars(value, second) <= 0;
    case 'GREATER_THAN':
      return sameKind(value, first) && compareScalars(value, first) > 0;
    case 'GREATER_THAN_EQUAL_TO':
      return sameKind(value, first) && compareScalars(value, first) >= 0;
    case 'LESS_THAN':
      return sameKind(value, first) && compareScalars(value, first) < 0;
    case 'LESS_THAN_EQUAL_TO':
      return sameKind(value, first) && compareScalars(value, first) <= 0;
    default:
      throw new Error(`Unsupported condition ${cond.condition}`);
  }
}

function sameKind(a: unknown, b: unknown): boolean {
  return (typeof a === 'string' || typeof a === 'number') && typeof a === typeof b;
}

function containsValue(value: unknown, needle: unknown): boolean {
  if (typeof value === 'string') return value.includes(String(needle));
  if (Array.isArray(value)) return value.includes(needle);
  return false;
}

/** `{ and: [...] }` / `{ or: [...] }` filters on an object's attributes (entity filters, transaction conditions). */
export function matchesFilters(attributes: Record<string, unknown>, filters: unknown): boolean {
  if (!isRecord(filters)) return true;
  const toCheck = (list: unknown): Array<{ property: string; cond: Condition }> =>
    asArray(list).flatMap((f) => {
      const cond = readCondition(f);
      const property = isRecord(f) ? asString(f.property) : undefined;
      return cond && property ? [{ property, cond }] : [];
    });
  const and = toCheck(filters.and);
  const or = toCheck(filters.or);
  const andOk = and.every(({ property, cond }) => matchesCondition(attributes[property], cond));
  const orOk = or.length === 0 || or.some(({ property, cond }) => matchesCondition(attributes[property], cond));
  return andOk && orOk;
}

/** Opaque page cursor: the sort tuple of the last item returned. */
export function encodeCursor(tuple: unknown[]): string {
  return Buffer.from(JSON.stringify(tuple)).toString('base64url');
}

export function decodeCursor(cursor: unknown): unknown[] | undefined {
  if (typeof cursor !== 'string' || cursor === '') return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}
