// A TaskRouter resource as an editable JSON document, and back: which fields can be edited, how a
// saved document becomes the parameters of an update, and what is wrong (and where) when it cannot.
// Pure: no `vscode` import.
import { Node, ParseError, getNodeValue, parseTree, printParseErrorCode } from 'jsonc-parser';
import { KINDS, ResourceKind, TASK_STATUSES } from '../explorer/resourceKinds';

type FieldType =
  | { type: 'string'; nullable?: boolean; nonEmpty?: boolean; maxLength?: number }
  | { type: 'boolean' }
  | { type: 'integer'; min: number; max: number }
  | { type: 'enum'; values: readonly string[] }
  /** A JSON string in the API (worker and task attributes), a JSON object in the document. */
  | { type: 'jsonObject'; maxLength?: number }
  /** A workflow's configuration: a JSON string in the API, a JSON object in the document. */
  | { type: 'configuration' };

export interface FieldSpec {
  name: string;
  spec: FieldType;
}

const friendlyName = (maxLength?: number): FieldSpec => ({
  name: 'friendlyName',
  spec: { type: 'string', nonEmpty: true, maxLength },
});
const nullableString = (name: string): FieldSpec => ({ name, spec: { type: 'string', nullable: true } });

/** The fields an update can change, per kind, in the order the document lists them (from the API's update parameters). */
export const EDITABLE_FIELDS: Readonly<Record<ResourceKind, readonly FieldSpec[]>> = {
  workspace: [
    friendlyName(64),
    nullableString('eventCallbackUrl'),
    nullableString('eventsFilter'),
    { name: 'multiTaskEnabled', spec: { type: 'boolean' } },
    nullableString('defaultActivitySid'),
    nullableString('timeoutActivitySid'),
    { name: 'prioritizeQueueOrder', spec: { type: 'enum', values: ['FIFO', 'LIFO'] } },
  ],
  activity: [friendlyName()],
  taskQueue: [
    friendlyName(64),
    { name: 'targetWorkers', spec: { type: 'string' } },
    nullableString('reservationActivitySid'),
    nullableString('assignmentActivitySid'),
    { name: 'maxReservedWorkers', spec: { type: 'integer', min: 1, max: 50 } },
    { name: 'taskOrder', spec: { type: 'enum', values: ['FIFO', 'LIFO'] } },
  ],
  worker: [
    friendlyName(),
    nullableString('activitySid'),
    { name: 'attributes', spec: { type: 'jsonObject', maxLength: 4096 } },
  ],
  workflow: [
    friendlyName(64),
    nullableString('assignmentCallbackUrl'),
    nullableString('fallbackAssignmentCallbackUrl'),
    { name: 'taskReservationTimeout', spec: { type: 'integer', min: 1, max: 86400 } },
    { name: 'configuration', spec: { type: 'configuration' } },
  ],
  task: [
    { name: 'assignmentStatus', spec: { type: 'enum', values: TASK_STATUSES } },
    nullableString('reason'),
    { name: 'priority', spec: { type: 'integer', min: 0, max: 2147483647 } },
    { name: 'attributes', spec: { type: 'jsonObject', maxLength: 4096 } },
  ],
  taskChannel: [friendlyName(64), { name: 'channelOptimizedRouting', spec: { type: 'boolean' } }],
};

/** Fields never shown: `links` (long, of no use when editing) and `etag` (a response header, not a field). */
const HIDDEN_FIELDS = new Set(['links', 'etag']);

/** A problem in a document, with a 1-based line and column when it can be located. */
export class DocumentError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(line === undefined ? message : `Line ${line}, column ${column}: ${message}`);
    this.name = 'DocumentError';
  }
}

export interface ResourceUpdate {
  /** Update parameters (camelCase, as the REST client takes them) of the fields that changed. */
  params: Record<string, unknown>;
  /** Names of the editable fields that changed. */
  changed: string[];
  /** Read-only fields the user changed: not sent, and named in a note. */
  ignoredReadOnly: string[];
}

/** The plain JSON value of a resource: own enumerable data properties, dates as ISO strings. */
export function plainResource(resource: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(resource)) {
    if (typeof value === 'function' || value === undefined || HIDDEN_FIELDS.has(key)) {
      continue;
    }
    out[key] = JSON.parse(JSON.stringify(value)) as unknown;
  }
  return out;
}

/** The document's value for one field of a resource (attributes and configuration as objects when they parse). */
function documentValue(spec: FieldType, value: unknown): unknown {
  if ((spec.type === 'jsonObject' || spec.type === 'configuration') && typeof value === 'string') {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }
  return value;
}

/** The resource as the JSON text the editor shows: editable fields first, then the read-only ones. */
export function renderResourceDocument(kind: ResourceKind, resource: object): string {
  const plain = plainResource(resource);
  const doc: Record<string, unknown> = {};
  for (const field of EDITABLE_FIELDS[kind]) {
    if (field.name in plain) {
      doc[field.name] = documentValue(field.spec, plain[field.name]);
    }
  }
  for (const [key, value] of Object.entries(plain)) {
    if (!(key in doc)) {
      doc[key] = value;
    }
  }
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** A workflow's configuration as the editor shows it: pretty-printed when it is JSON, else as stored. */
export function renderConfiguration(configuration: string): string {
  try {
    return `${JSON.stringify(JSON.parse(configuration), null, 2)}\n`;
  } catch {
    return configuration;
  }
}

/**
 * Compares a saved document with the resource it was opened from and returns the update to send.
 * Editable fields that are missing are left unchanged; read-only fields that changed are reported,
 * not sent; unknown fields and values of the wrong type are errors naming the line and the field.
 */
export function computeResourceUpdate(kind: ResourceKind, original: object, text: string): ResourceUpdate {
  const root = parseObject(text);
  const plain = plainResource(original);
  const specs = new Map(EDITABLE_FIELDS[kind].map((f) => [f.name, f.spec]));
  const update: ResourceUpdate = { params: {}, changed: [], ignoredReadOnly: [] };
  for (const property of root.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode || !valueNode) {
      continue;
    }
    const name = String(keyNode.value);
    const edited = getNodeValue(valueNode) as unknown;
    const spec = specs.get(name);
    if (!spec) {
      if (name in plain) {
        if (!deepEqual(edited, plain[name])) {
          update.ignoredReadOnly.push(name);
        }
        continue;
      }
      const where = position(text, keyNode.offset);
      throw new DocumentError(
        `"${name}" is not a field of a ${KINDS[kind].noun}. Editable fields: ${[...specs.keys()].join(', ')}.`,
        where.line,
        where.column,
      );
    }
    const before = documentValue(spec, plain[name]);
    if (deepEqual(edited, before)) {
      continue;
    }
    update.params[name] = toParam(name, spec, edited, text, valueNode);
    update.changed.push(name);
  }
  return update;
}

/**
 * The configuration to send for a saved configuration document, or undefined when it did not
 * change (formatting alone is not a change). The text is sent as the user wrote it.
 */
export function computeConfigurationUpdate(originalConfiguration: string, text: string): string | undefined {
  const root = parseObject(text);
  const edited = getNodeValue(root) as unknown;
  let before: unknown;
  try {
    before = JSON.parse(originalConfiguration);
  } catch {
    before = undefined;
  }
  if (before !== undefined && deepEqual(before, edited)) {
    return undefined;
  }
  return text.trim();
}

function parseObject(text: string): Node {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  if (errors.length > 0) {
    const first = errors[0];
    const where = position(text, first.offset);
    throw new DocumentError(`invalid JSON (${describeParseError(first)}).`, where.line, where.column);
  }
  if (!root || root.type !== 'object') {
    throw new DocumentError('the document must be a JSON object.', 1, 1);
  }
  return root;
}

function describeParseError(error: ParseError): string {
  // "CommaExpected" -> "comma expected"
  return printParseErrorCode(error.error)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}

function toParam(name: string, spec: FieldType, value: unknown, text: string, node: Node): unknown {
  const fail = (message: string): never => {
    const where = position(text, node.offset);
    throw new DocumentError(`"${name}" ${message}`, where.line, where.column);
  };
  switch (spec.type) {
    case 'string':
      if (value === null) {
        return spec.nullable ? '' : fail('cannot be null.');
      }
      if (typeof value !== 'string') {
        return fail('must be a string.');
      }
      if (spec.nonEmpty && value.trim() === '') {
        return fail('cannot be empty.');
      }
      if (spec.maxLength !== undefined && value.length > spec.maxLength) {
        return fail(`is ${value.length} characters long; at most ${spec.maxLength} are allowed.`);
      }
      return value;
    case 'boolean':
      return typeof value === 'boolean' ? value : fail('must be true or false.');
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value) || value < spec.min || value > spec.max) {
        return fail(`must be an integer from ${spec.min} to ${spec.max}.`);
      }
      return value;
    case 'enum':
      if (typeof value !== 'string' || !spec.values.includes(value)) {
        return fail(`must be one of ${spec.values.map((v) => `"${v}"`).join(', ')}.`);
      }
      return value;
    case 'jsonObject': {
      const json = jsonObjectText(value, fail);
      if (spec.maxLength !== undefined && json.length > spec.maxLength) {
        fail(`is ${json.length} characters as JSON; at most ${spec.maxLength} are allowed.`);
      }
      return json;
    }
    case 'configuration':
      return jsonObjectText(value, fail);
  }
}

function jsonObjectText(value: unknown, fail: (message: string) => never): string {
  if (typeof value === 'string') {
    // Also accept the API's form: an object serialized in a string.
    try {
      const parsed = JSON.parse(value) as unknown;
      if (isPlainObject(parsed)) {
        return value;
      }
    } catch {
      // reported below
    }
    return fail('must be a JSON object (or a string holding one).');
  }
  if (!isPlainObject(value)) {
    return fail('must be a JSON object.');
  }
  return JSON.stringify(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** 1-based line and column of an offset. */
export function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) {
    return true;
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return false;
  }
  if (Array.isArray(a) !== Array.isArray(b)) {
    return false;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  }
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  return (
    ka.length === kb.length &&
    ka.every(
      (k) =>
        Object.prototype.hasOwnProperty.call(b, k) &&
        deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
    )
  );
}
