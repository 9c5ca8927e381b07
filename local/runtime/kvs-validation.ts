import { asNumber, asString, isRecord } from './narrow';
import type { EntityDef } from './manifest';

/** A KVS API failure: the status and `{ code, message }` body @forge/kvs turns into ForgeKvsAPIError. */
export class KvsApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

// Documented limits (developer.atlassian.com/platform/forge/storage-reference/…).
const KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s-#]+$/;
const MAX_KEY_LENGTH = 500;
const MAX_VALUE_BYTES = 240 * 1024;
const MAX_DEPTH = 32;
const MAX_TTL_MS = 365 * 24 * 3600 * 1000;
const TTL_UNIT_MS: Record<string, number> = { SECONDS: 1000, MINUTES: 60_000, HOURS: 3_600_000, DAYS: 86_400_000 };

export function validateKey(raw: unknown): string {
  const key = asString(raw);
  if (key === undefined || key.length === 0) throw new KvsApiError(400, 'EMPTY_KEY', 'Key cannot be empty.');
  if (key.length > MAX_KEY_LENGTH) {
    throw new KvsApiError(400, 'KEY_TOO_LONG', `The provided key has exceeded the maximum ${MAX_KEY_LENGTH} characters.`);
  }
  if (!KEY_PATTERN.test(key)) {
    throw new KvsApiError(400, 'INVALID_KEY', 'The provided key does not match the regex: /^(?!\\s+$)[a-zA-Z0-9:._\\s-#]+$/');
  }
  return key;
}

export function validateValue(value: unknown): void {
  if (value === undefined) throw new KvsApiError(400, 'BAD_REQUEST', 'A value is required.');
  const size = Buffer.byteLength(JSON.stringify(value));
  if (size > MAX_VALUE_BYTES) {
    throw new KvsApiError(400, 'MAX_SIZE', `The provided value (${size} bytes) has exceeded the maximum size limit of 240 KiB.`);
  }
  if (depth(value) > MAX_DEPTH) {
    throw new KvsApiError(400, 'MAX_DEPTH', `The provided value has exceeded the maximum object depth (${MAX_DEPTH}) limit.`);
  }
}

function depth(value: unknown): number {
  if (Array.isArray(value)) return 1 + Math.max(0, ...value.map(depth));
  if (isRecord(value)) return 1 + Math.max(0, ...Object.values(value).map(depth));
  return 0;
}

/** `options.ttl` ({ value, unit }) in ms, or undefined when absent. */
export function ttlMs(options: unknown): number | undefined {
  const ttl = isRecord(options) ? options.ttl : undefined;
  if (ttl === undefined) return undefined;
  const value = isRecord(ttl) ? asNumber(ttl.value) : undefined;
  const unit = isRecord(ttl) ? TTL_UNIT_MS[String(ttl.unit)] : undefined;
  if (value === undefined || unit === undefined || value <= 0) {
    throw new KvsApiError(400, 'INVALID_TTL', 'ttl needs a positive value and a unit of SECONDS, MINUTES, HOURS or DAYS.');
  }
  const ms = value * unit;
  if (ms > MAX_TTL_MS) throw new KvsApiError(400, 'INVALID_TTL', 'ttl cannot exceed 1 year.');
  return ms;
}

/** An entity value must be an object whose attributes are declared in the manifest with matching types. */
export function validateEntityValue(entity: EntityDef, value: unknown): Record<string, unknown> {
  if (!isRecord(value)) throw new KvsApiError(400, 'BAD_REQUEST', `Entity ${entity.name} value must be an object.`);
  for (const [name, attr] of Object.entries(value)) {
    const type = entity.attributes[name];
    if (type === undefined) {
      throw new KvsApiError(400, 'INVALID_ATTRIBUTE', `Attribute ${name} is not declared for entity ${entity.name} in manifest.yml.`);
    }
    if (attr !== null && !attributeMatches(type, attr)) {
      throw new KvsApiError(400, 'INVALID_ATTRIBUTE', `Attribute ${name} of entity ${entity.name} must be of type ${type}.`);
    }
  }
  return value;
}

function attributeMatches(type: string, value: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      return Number.isInteger(value);
    case 'float':
      return typeof value === 'number';
    default:
      return true;
  }
}
