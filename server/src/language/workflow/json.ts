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
    const text = this.text;
    let pos = this.pos;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 32 || c === 10 || c === 13 || c === 9) pos++;
      else break;
    }
    this.pos = pos;
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
    const text = this.text;
    const start = this.pos;
    let pos = start + 1;
    let escaped = false;
    for (;;) {
      const c = text.charCodeAt(pos);
      if (c === 34) break;
      if (c === 92) {
        escaped = true;
        pos += 2;
        continue;
      }
      // Control characters must be escaped; NaN means the text ended inside the string.
      if (c < 32 || c !== c) throw FAILURE;
      pos++;
    }
    pos++;
    this.pos = pos;
    let value: string;
    if (escaped) {
      try {
        value = JSON.parse(text.slice(start, pos)) as string;
      } catch {
        throw FAILURE;
      }
    } else {
      value = text.slice(start + 1, pos - 1);
    }
    const node = new MutableNode('string', start, parent);
    node.length = pos - start;
    node.value = value;
    return node;
  }

  private number(parent: MutableNode | undefined): MutableNode {
    const text = this.text;
    const start = this.pos;
    let pos = start;
    if (text.charCodeAt(pos) === 45) pos++;
    let c = text.charCodeAt(pos);
    if (c === 48) {
      pos++;
    } else if (c >= 49 && c <= 57) {
      do pos++;
      while (isDigit(text.charCodeAt(pos)));
    } else {
      throw FAILURE;
    }
    if (text.charCodeAt(pos) === 46) {
      pos++;
      if (!isDigit(text.charCodeAt(pos))) throw FAILURE;
      do pos++;
      while (isDigit(text.charCodeAt(pos)));
    }
    c = text.charCodeAt(pos);
    if (c === 101 || c === 69) {
      pos++;
      c = text.charCodeAt(pos);
      if (c === 43 || c === 45) pos++;
      if (!isDigit(text.charCodeAt(pos))) throw FAILURE;
      do pos++;
      while (isDigit(text.charCodeAt(pos)));
    }
    this.pos = pos;
    const node = new MutableNode('number', start, parent);
    node.length = pos - start;
    node.value = Number(text.slice(start, pos));
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

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
