/**
 * A fast strict JSON parser that builds the same tree as jsonc-parser's `parseTree` (same node shape: type, offset,
 * length, value, children, colonOffset, parent), for documents that are valid JSON.
 *
 * Why: jsonc-parser's visitor-based scanner spends most of a 1 MB workflow's validation time on callbacks and garbage.
 * This parser does one pass over char codes and allocates only the nodes. It does not recover from errors: on the
 * first syntax error (or a comment, or nesting too deep) it returns `undefined`, and the caller falls back to
 * jsonc-parser, which reports every error with recovery. So error messages come from one place, and valid documents
 * (the common case, on every keystroke after the first fix) take the fast path.
 */
import type { Node, NodeType } from 'jsonc-parser';

/** Deeper documents take the (recursive, error-reporting) fallback. Workflows nest about six levels. */
const MAX_DEPTH = 200;

/** Every node has every field (one object shape, so the model builder's property reads stay monomorphic). */
class MutableNode {
  length = 0;
  value: unknown = undefined;
  children: MutableNode[] | undefined = undefined;
  colonOffset: number | undefined = undefined;

  constructor(
    public type: NodeType,
    public offset: number,
    public parent: MutableNode | undefined,
  ) {}
}

class Failure {}
const FAILURE = new Failure();

/** Parses valid JSON into a jsonc-parser-compatible tree; `undefined` when the text is not strictly valid JSON. */
export function parseStrictJson(text: string): Node | undefined {
  const parser = new StrictParser(text);
  try {
    parser.skipWhitespace();
    const root = parser.value(undefined, 0);
    parser.skipWhitespace();
    if (parser.pos !== text.length) return undefined;
    return root as unknown as Node;
  } catch (error) {
    if (error === FAILURE) return undefined;
    throw error;
  }
}

class StrictParser {
  pos = 0;

  constructor(private readonly text: string) {}

  skipWhitespace(): void {
    this.pos = skipWhitespace(this.text, this.pos);
  }

  value(parent: MutableNode | undefined, depth: number): MutableNode {
    const c = this.text.charCodeAt(this.pos);
    switch (c) {
      case 123: // {
        return this.object(parent, depth + 1);
      case 91: // [
        return this.array(parent, depth + 1);
      case 34: // "
        return this.string(parent);
      case 116: // t
        return this.literal(parent, 'true', 'boolean', true);
      case 102: // f
        return this.literal(parent, 'false', 'boolean', false);
      case 110: // n
        return this.literal(parent, 'null', 'null', null);
      default:
        if (c === 45 || (c >= 48 && c <= 57)) return this.number(parent);
        throw FAILURE;
    }
  }

  private object(parent: MutableNode | undefined, depth: number): MutableNode {
    if (depth > MAX_DEPTH) throw FAILURE;
    const text = this.text;
    const node = new MutableNode('object', this.pos, parent);
    const children: MutableNode[] = (node.children = []);
    this.pos++;
    this.skipWhitespace();
    if (text.charCodeAt(this.pos) === 125) {
      this.pos++;
      node.length = this.pos - node.offset;
      return node;
    }
    for (;;) {
      if (text.charCodeAt(this.pos) !== 34) throw FAILURE;
      const property = new MutableNode('property', this.pos, node);
      const key = this.string(property);
      this.skipWhitespace();
      if (text.charCodeAt(this.pos) !== 58) throw FAILURE;
      property.colonOffset = this.pos;
      this.pos++;
      this.skipWhitespace();
      const value = this.value(property, depth);
      property.children = [key, value];
      property.length = value.offset + value.length - property.offset;
      children.push(property);
      this.skipWhitespace();
      const c = text.charCodeAt(this.pos);
      if (c === 44) {
        this.pos++;
        this.skipWhitespace();
      } else if (c === 125) {
        this.pos++;
        node.length = this.pos - node.offset;
        return node;
      } else {
        throw FAILURE;
      }
    }
  }

  private array(parent: MutableNode | undefined, depth: number): MutableNode {
    if (depth > MAX_DEPTH) throw FAILURE;
    const text = this.text;
    const node = new MutableNode('array', this.pos, parent);
    const children: MutableNode[] = (node.children = []);
    this.pos++;
    this.skipWhitespace();
    if (text.charCodeAt(this.pos) === 93) {
      this.pos++;
      node.length = this.pos - node.offset;
      return node;
    }
    for (;;) {
      children.push(this.value(node, depth));
      this.skipWhitespace();
      const c = text.charCodeAt(this.pos);
      if (c === 44) {
        this.pos++;
        this.skipWhitespace();
      } else if (c === 93) {
        this.pos++;
        node.length = this.pos - node.offset;
        return node;
      } else {
        throw FAILURE;
      }
    }
  }

  private string(parent: MutableNode | undefined): MutableNode {
    const start = this.pos;
    const end = scanString(this.text, start);
    const value = end < 0 ? undefined : stringValue(this.text, start, end);
    if (value === undefined) throw FAILURE;
    this.pos = end;
    const node = new MutableNode('string', start, parent);
    node.length = end - start;
    node.value = value;
    return node;
  }

  private number(parent: MutableNode | undefined): MutableNode {
    const start = this.pos;
    const end = scanNumber(this.text, start);
    if (end < 0) throw FAILURE;
    this.pos = end;
    const node = new MutableNode('number', start, parent);
    node.length = end - start;
    node.value = Number(this.text.slice(start, end));
    return node;
  }

  private literal(parent: MutableNode | undefined, word: string, type: NodeType, value: unknown): MutableNode {
    if (!this.text.startsWith(word, this.pos)) throw FAILURE;
    const node = new MutableNode(type, this.pos, parent);
    node.length = word.length;
    node.value = value;
    this.pos += word.length;
    return node;
  }
}

// ---- the JSON tokens, shared with the fast model reader (fastModel.ts) -------------------------------------------

/** The offset of the first character at or after `pos` that is not JSON whitespace. */
export function skipWhitespace(text: string, pos: number): number {
  for (;;) {
    const c = text.charCodeAt(pos);
    if (c === 32 || c === 10 || c === 13 || c === 9) pos++;
    else return pos;
  }
}

/**
 * The end (after the closing quote) of the JSON string whose opening quote is at `start`, or -1 when it is not
 * strictly valid: a raw control character, or the text ends inside it.
 */
export function scanString(text: string, start: number): number {
  let pos = start + 1;
  for (;;) {
    const c = text.charCodeAt(pos);
    if (c === 34) return pos + 1;
    if (c === 92) {
      pos += 2;
      continue;
    }
    // Control characters must be escaped; NaN means the text ended inside the string.
    if (c < 32 || c !== c) return -1;
    pos++;
  }
}

/** The value of the JSON string `text[start, end)` (quotes included), or undefined when an escape is invalid. */
export function stringValue(text: string, start: number, end: number): string | undefined {
  const raw = text.slice(start + 1, end - 1);
  if (!raw.includes('\\')) return raw;
  try {
    return JSON.parse(text.slice(start, end)) as string;
  } catch {
    return undefined;
  }
}

/** The end of the JSON number starting at `start`, or -1 when there is none (`01` ends after the `0`). */
export function scanNumber(text: string, start: number): number {
  let pos = start;
  if (text.charCodeAt(pos) === 45) pos++;
  const first = text.charCodeAt(pos);
  if (first === 48) pos++;
  else if (first >= 49 && first <= 57) pos = digits(text, pos);
  else return -1;
  if (text.charCodeAt(pos) === 46) {
    if (!isDigit(text.charCodeAt(pos + 1))) return -1;
    pos = digits(text, pos + 1);
  }
  const e = text.charCodeAt(pos);
  if (e === 101 || e === 69) {
    pos++;
    const sign = text.charCodeAt(pos);
    if (sign === 43 || sign === 45) pos++;
    if (!isDigit(text.charCodeAt(pos))) return -1;
    pos = digits(text, pos);
  }
  return pos;
}

function digits(text: string, pos: number): number {
  while (isDigit(text.charCodeAt(pos))) pos++;
  return pos;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
