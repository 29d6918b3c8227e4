/**
 * The one implementation of `Field`: offsets as plain numbers, spans built on demand. A 1 MB workflow has tens of
 * thousands of fields and spans are read only for diagnostics, so not allocating two span objects per field saves
 * a large share of the structural pass (mostly garbage collection).
 */
import type { Field, JsonKind, Span } from './types';

export class FieldNode<T> implements Field<T> {
  constructor(
    readonly key: string,
    readonly value: T,
    readonly keyStart: number,
    readonly keyEnd: number,
    readonly start: number,
    readonly end: number,
    readonly kind: JsonKind,
  ) {}

  get keySpan(): Span {
    return { start: this.keyStart, end: this.keyEnd };
  }

  get span(): Span {
    return { start: this.start, end: this.end };
  }

  /** The same field with another value (a number read from a string). */
  withValue<U>(value: U): FieldNode<U> {
    return new FieldNode(this.key, value, this.keyStart, this.keyEnd, this.start, this.end, this.kind);
  }
}
