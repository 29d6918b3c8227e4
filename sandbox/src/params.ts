/** Request parameters: form bodies and query strings with Twilio's PascalCase names. */
import { badRequest, missingParam } from './errors';

export class Params {
  constructor(private readonly values: URLSearchParams) {}

  static parse(text: string): Params {
    return new Params(new URLSearchParams(text));
  }

  has(name: string): boolean {
    return this.values.has(name);
  }

  /** The raw value, or undefined when absent. */
  string(name: string): string | undefined {
    const v = this.values.get(name);
    return v === null ? undefined : v;
  }

  required(name: string): string {
    const v = this.string(name);
    if (v === undefined || v === '') throw missingParam(name);
    return v;
  }

  /** Every value as sent (repeated parameters kept apart). */
  listRaw(name: string): string[] {
    return this.values.getAll(name);
  }

  /** All values: repeated parameters and comma-separated lists. */
  list(name: string): string[] {
    return this.values
      .getAll(name)
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter((v) => v !== '');
  }

  int(name: string, min?: number, max?: number): number | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    if (!/^-?\d+$/.test(raw.trim())) throw badRequest(`Parameter '${name}' must be an integer, got '${raw}'`);
    const n = Number(raw.trim());
    if ((min !== undefined && n < min) || (max !== undefined && n > max)) {
      throw badRequest(`Parameter '${name}' must be between ${min ?? '-inf'} and ${max ?? 'inf'}, got ${n}`);
    }
    return n;
  }

  /** Strict booleans (`true`/`false`, also `1`/`0`, `yes`/`no`); anything else is a 400. */
  bool(name: string): boolean | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    const v = raw.trim().toLowerCase();
    if (v === 'true' || v === '1' || v === 'yes') return true;
    if (v === 'false' || v === '0' || v === 'no') return false;
    throw badRequest(`Parameter '${name}' must be true or false, got '${raw}'`);
  }

  /** Twilio's lenient booleans: `true`, `1` or `yes` mean true, every other value false. */
  looseBool(name: string): boolean | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    const v = raw.trim().toLowerCase();
    return v === 'true' || v === '1' || v === 'yes';
  }

  enumValue<T extends string>(name: string, allowed: readonly T[]): T | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    const found = allowed.find((a) => a.toLowerCase() === raw.trim().toLowerCase());
    if (!found) throw badRequest(`Parameter '${name}' must be one of ${allowed.join(', ')}, got '${raw}'`);
    return found;
  }

  date(name: string): number | undefined {
    const raw = this.string(name);
    if (raw === undefined) return undefined;
    const ms = Date.parse(raw);
    if (!/^\d{4}-\d{2}-\d{2}/.test(raw) || Number.isNaN(ms)) {
      throw badRequest(`Parameter '${name}' must be an ISO 8601 date-time, got '${raw}'`);
    }
    return ms;
  }

  /** A SID of the given prefix (or undefined); a malformed one is a 400. */
  sid(name: string, prefix: string): string | undefined {
    const raw = this.string(name);
    if (raw === undefined || raw === '') return undefined;
    if (!isSid(raw, prefix))
      throw badRequest(`Parameter '${name}' must be a ${prefix} SID (${prefix} and 32 hex digits), got '${raw}'`);
    return raw;
  }

  /** Every (name, value) pair in order. */
  entries(): [string, string][] {
    return [...this.values.entries()];
  }
}

export function isSid(value: string, prefix?: string): boolean {
  return /^[A-Z]{2}[0-9a-fA-F]{32}$/.test(value) && (prefix === undefined || value.startsWith(prefix));
}

/** Parses a JSON attributes string that must be an object of at most `max` characters. */
export function attributesParam(name: string, raw: string, max = 4096): string {
  if (raw.length > max) throw badRequest(`${name} is ${raw.length} characters long; the maximum is ${max}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (err) {
    throw badRequest(`${name} must be a JSON object: ${(err as Error).message}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw badRequest(
      `${name} must be a JSON object, got ${Array.isArray(parsed) ? 'an array' : JSON.stringify(parsed)}`,
    );
  }
  return raw;
}

export function friendlyNameParam(params: Params, required: boolean, max = 64): string | undefined {
  const v = required ? params.required('FriendlyName') : params.string('FriendlyName');
  if (v === undefined) return undefined;
  if (v.trim() === '') throw badRequest('FriendlyName must not be empty');
  if (v.length > max) throw badRequest(`FriendlyName is ${v.length} characters long; the maximum is ${max}`);
  return v;
}
