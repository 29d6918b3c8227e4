/**
 * The fast path of the structural pass: one scan of the text that builds the `WorkflowModel` directly, for documents
 * whose structure is clean (valid JSON, only known keys in their places, right types, nothing required missing).
 * That is every document the structural pass has nothing to say about, which is the common case while editing.
 *
 * It allocates only the model (no JSON tree), which matters at 1 MB: the tree and its garbage collection cost more
 * than the rest of validation. On anything it does not expect it gives up and returns `undefined`; the general path
 * (`parse.ts`: tree + model builder + diagnostics) then handles the document. Both paths must build the same model;
 * test/unit/workflow/fastModel.test.ts checks that on generated documents.
 */
import { FieldNode } from './field';
import { scanNumber, scanString, skipWhitespace, stringValue } from './json';
import { TARGET_KEYS } from './keys';
import { NUMERIC_STRING, newFilter, newModel, newTarget, setFilterName, setTargetString } from './model';
import type { Field, FilterModel, StringField, TargetModel, WorkflowModel } from './types';

class GiveUp {}
const GIVE_UP = new GiveUp();

/** The keys read in each place: keys.ts's valid keys and legacy aliases (a misplaced key makes the reader give up). */
type TargetKey = (typeof TARGET_KEYS)[number] | 'task_queue_sid';
const TARGET_AND_LEGACY_KEYS: readonly TargetKey[] = [...TARGET_KEYS, 'task_queue_sid'];
const DEFAULT_FILTER_KEYS: readonly TargetKey[] = ['queue', 'task_queue_sid'];
const FILTER_KEYS = ['filter_friendly_name', 'expression', 'targets', 'friendly_name', 'friendlyName'] as const;
const TASK_ROUTING_KEYS = ['filters', 'default_filter'] as const;

/** Builds the model of a structurally clean workflow, or returns `undefined`. */
export function readWorkflowFast(text: string): WorkflowModel | undefined {
  try {
    return new FastReader(text).document();
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}

class FastReader {
  private pos = 0;
  /** The span of the last string read, quotes included. */
  private stringStart = 0;

  constructor(private readonly text: string) {}

  document(): WorkflowModel {
    const model = newModel();
    this.ws();
    const start = this.pos;
    this.expect(123);
    let seen = false;
    this.ws();
    if (this.peek() !== 125) {
      for (;;) {
        const key = this.key(['task_routing'] as const);
        if (seen) throw GIVE_UP;
        seen = true;
        if (key !== 'task_routing' || this.peek() !== 123) throw GIVE_UP;
        this.taskRouting(model);
        if (!this.more(125)) break;
      }
    } else {
      this.pos++;
    }
    if (!seen) throw GIVE_UP;
    model.rootSpan = { start, end: this.pos };
    this.ws();
    if (this.pos !== this.text.length) throw GIVE_UP;
    return model;
  }

  private taskRouting(model: WorkflowModel): void {
    const start = this.pos;
    this.pos++;
    this.ws();
    if (this.peek() === 125) throw GIVE_UP; // empty task_routing: the general path reports it
    let seenFilters = false;
    let seenDefault = false;
    for (;;) {
      const key = this.key(TASK_ROUTING_KEYS);
      if (key === 'filters') {
        if (seenFilters || this.peek() !== 91) throw GIVE_UP;
        seenFilters = true;
        this.filters(model);
      } else {
        if (seenDefault || this.peek() !== 123) throw GIVE_UP;
        seenDefault = true;
        const target = this.target(0, undefined, DEFAULT_FILTER_KEYS);
        target.effectiveQueue = target.queue?.value;
        model.defaultFilter = target;
      }
      if (!this.more(125)) break;
    }
    if (!seenDefault && model.filters.length === 0) throw GIVE_UP; // nothing routes: the general path reports it
    model.taskRoutingSpan = { start, end: this.pos };
  }

  private filters(model: WorkflowModel): void {
    const start = this.pos;
    this.pos++;
    this.ws();
    if (this.peek() === 93) {
      this.pos++;
    } else {
      for (;;) {
        if (this.peek() !== 123) throw GIVE_UP;
        model.filters.push(this.filter(model.filters.length));
        if (!this.more(93)) break;
      }
    }
    model.filtersSpan = { start, end: this.pos };
  }

  private filter(index: number): FilterModel {
    const filter = newFilter(index, { start: this.pos, end: 0 });
    this.pos++;
    this.ws();
    if (this.peek() === 125) throw GIVE_UP;
    let seen = 0; // bit i: allowed key i was read
    let hasExpression = false;
    let hasTargets = false;
    for (;;) {
      const keyStart = this.pos;
      const key = this.key(FILTER_KEYS);
      const keyEnd = this.keyEnd;
      const bit = 1 << this.keyIndex;
      if (seen & bit) throw GIVE_UP;
      seen |= bit;
      if (key === 'targets') {
        if (this.peek() !== 91) throw GIVE_UP;
        hasTargets = true;
        const targetsStart = this.pos;
        this.targets(filter, index);
        filter.targetsSpan = { start: targetsStart, end: this.pos };
        filter.keys.push(new FieldNode(key, undefined, keyStart, keyEnd, targetsStart, this.pos, 'array'));
      } else {
        const value = this.stringValue();
        const f: StringField = new FieldNode(key, value, keyStart, keyEnd, this.stringStart, this.pos, 'string');
        filter.keys.push(f);
        if (key === 'expression') {
          hasExpression = true;
          filter.expression = f;
        } else {
          setFilterName(filter, f);
        }
      }
      if (!this.more(125)) break;
    }
    if (!hasExpression || !hasTargets) throw GIVE_UP;
    filter.span.end = this.pos;
    return filter;
  }

  private targets(filter: FilterModel, filterIndex: number): void {
    this.pos++;
    this.ws();
    if (this.peek() === 93) throw GIVE_UP; // no targets: the general path reports it
    let inherited: string | undefined;
    for (;;) {
      if (this.peek() !== 123) throw GIVE_UP;
      const target = this.target(filter.targets.length, filterIndex, TARGET_AND_LEGACY_KEYS);
      inherited = target.queue?.value ?? inherited;
      target.effectiveQueue = inherited;
      filter.targets.push(target);
      if (!this.more(93)) break;
    }
  }

  private target(index: number, filterIndex: number | undefined, allowed: readonly TargetKey[]): TargetModel {
    const target = newTarget(index, filterIndex, { start: this.pos, end: 0 });
    this.pos++;
    this.ws();
    if (this.peek() === 125) {
      this.pos++;
      target.span.end = this.pos;
      return target;
    }
    let seen = 0; // bit i: allowed key i was read
    for (;;) {
      const keyStart = this.pos;
      const key = this.key(allowed);
      const keyEnd = this.keyEnd;
      const bit = 1 << this.keyIndex;
      if (seen & bit) throw GIVE_UP;
      seen |= bit;
      if (key === 'priority' || key === 'timeout') {
        const number = this.numberField(key, keyStart, keyEnd);
        target.keys.push(this.writtenNumber!);
        if (key === 'priority') target.priority = number;
        else target.timeout = number;
      } else {
        const value = this.stringValue();
        const f: StringField = new FieldNode(key, value, keyStart, keyEnd, this.stringStart, this.pos, 'string');
        target.keys.push(f);
        setTargetString(target, f);
      }
      if (!this.more(125)) break;
    }
    target.span.end = this.pos;
    return target;
  }

  /** The number field as written (a string for `"2"`), set by `numberField`. */
  private writtenNumber: Field<unknown> | undefined;

  /** `priority` / `timeout`: a JSON number, or a string holding one. */
  private numberField(key: string, keyStart: number, keyEnd: number): Field<number> {
    if (this.peek() === 34) {
      const value = this.stringValue();
      if (!NUMERIC_STRING.test(value)) throw GIVE_UP;
      const written = new FieldNode(key, value, keyStart, keyEnd, this.stringStart, this.pos, 'string');
      this.writtenNumber = written;
      return written.withValue(Number(value));
    }
    const start = this.pos;
    const written = new FieldNode(key, this.number(), keyStart, keyEnd, start, this.pos, 'number');
    this.writtenNumber = written;
    return written;
  }

  // ---- JSON tokens ----------------------------------------------------------------------------------------------

  /** End of the last key read (after its closing quote), and its index in the allowed keys. */
  private keyEnd = 0;
  private keyIndex = 0;

  /**
   * Reads `"key"` `:` and the whitespace after it; the key must be one of `allowed` (the constant is returned, so
   * keys are shared strings), otherwise the reader gives up.
   */
  private key<K extends string>(allowed: readonly K[]): K {
    const text = this.text;
    if (text.charCodeAt(this.pos) !== 34) throw GIVE_UP;
    let found: K | undefined;
    for (const candidate of allowed) {
      const end = this.pos + 1 + candidate.length;
      if (text.charCodeAt(end) === 34 && text.startsWith(candidate, this.pos + 1)) {
        found = candidate;
        break;
      }
    }
    if (found === undefined) throw GIVE_UP;
    this.keyIndex = allowed.indexOf(found);
    this.pos += found.length + 2;
    this.keyEnd = this.pos;
    this.ws();
    if (text.charCodeAt(this.pos) !== 58) throw GIVE_UP;
    this.pos++;
    this.ws();
    return found;
  }

  private stringValue(): string {
    const start = this.pos;
    const end = this.text.charCodeAt(start) === 34 ? scanString(this.text, start) : -1;
    const value = end < 0 ? undefined : stringValue(this.text, start, end);
    if (value === undefined) throw GIVE_UP;
    this.stringStart = start;
    this.pos = end;
    return value;
  }

  private number(): number {
    const start = this.pos;
    const end = scanNumber(this.text, start);
    if (end < 0) throw GIVE_UP;
    this.pos = end;
    return Number(this.text.slice(start, end));
  }

  /** After a member: `,` (then whitespace, returns true) or the closing `close` (consumed, returns false). */
  private more(close: number): boolean {
    this.ws();
    const c = this.text.charCodeAt(this.pos);
    this.pos++;
    if (c === 44) {
      this.ws();
      return true;
    }
    if (c === close) return false;
    throw GIVE_UP;
  }

  private expect(c: number): void {
    if (this.text.charCodeAt(this.pos) !== c) throw GIVE_UP;
    this.pos++;
  }

  private peek(): number {
    return this.text.charCodeAt(this.pos);
  }

  private ws(): void {
    this.pos = skipWhitespace(this.text, this.pos);
  }
}
