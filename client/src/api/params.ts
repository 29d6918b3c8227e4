/**
 * Turning camelCase parameters into the API's PascalCase form fields and query parameters.
 *
 * `friendlyName` is sent as `FriendlyName`, `targetWorkersExpression` as `TargetWorkersExpression`: the API's names
 * are the camelCase names with the first letter in upper case. Values: strings as they are, numbers and booleans as
 * text (`true`/`false`), dates as ISO 8601, arrays as the same name repeated (as Twilio's own SDKs send them), JSON
 * fields (`attributes`, `configuration`) given as objects are serialized with JSON.stringify. `undefined` and `null`
 * leave the parameter out; an empty string is sent (Twilio uses it to clear some fields).
 */

/** The set of parameter names an operation accepts, written so TypeScript checks it against the params type. */
export type FieldSet<T> = { readonly [K in keyof Required<T>]: true };

export interface ParamSpec {
  /** Name used in messages, e.g. `workers.create`. */
  operation: string;
  fields: Readonly<Record<string, true>>;
  required?: readonly string[];
  /** Fields whose object values are serialized as JSON. */
  json?: readonly string[];
}

export function pascalCase(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function encodeValue(operation: string, name: string, value: unknown, json: boolean): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`${operation}: ${name} must be a finite number (got ${value})`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new TypeError(`${operation}: ${name} is an invalid Date`);
    return value.toISOString();
  }
  if (json && typeof value === 'object' && value !== null) return JSON.stringify(value);
  throw new TypeError(`${operation}: ${name} has an unsupported value of type ${typeof value}`);
}

/**
 * Checks `params` against `spec` and returns the API's name/value pairs in a stable order.
 * Throws a TypeError naming the operation and the parameter for unknown names, missing required ones and bad values.
 */
export function encodeParams(spec: ParamSpec, params: object | undefined): [string, string][] {
  const source = (params ?? {}) as Record<string, unknown>;
  if (typeof source !== 'object' || source === null || Array.isArray(source)) {
    throw new TypeError(`${spec.operation}: parameters must be an object`);
  }
  const allowed = Object.keys(spec.fields);
  for (const key of Object.keys(source)) {
    if (!Object.prototype.hasOwnProperty.call(spec.fields, key)) {
      throw new TypeError(
        `${spec.operation}: unknown parameter "${key}"; expected one of ${allowed.join(', ') || '(none)'}` +
          (key.includes('_') ? ' (parameters are camelCase, e.g. friendlyName)' : ''),
      );
    }
  }
  for (const key of spec.required ?? []) {
    const v = source[key];
    if (v === undefined || v === null || v === '') {
      throw new TypeError(`${spec.operation}: ${key} is required`);
    }
  }
  const out: [string, string][] = [];
  const json = new Set(spec.json ?? []);
  for (const key of allowed) {
    const value = source[key];
    if (value === undefined || value === null) continue;
    const name = pascalCase(key);
    if (Array.isArray(value)) {
      for (const item of value) out.push([name, encodeValue(spec.operation, key, item, false)]);
    } else {
      out.push([name, encodeValue(spec.operation, key, value, json.has(key))]);
    }
  }
  return out;
}

/** Form-encodes pairs as application/x-www-form-urlencoded. */
export function formEncode(pairs: readonly [string, string][]): string {
  return new URLSearchParams(pairs as [string, string][]).toString();
}
