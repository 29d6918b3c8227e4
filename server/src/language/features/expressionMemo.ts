/**
 * Expressions parsed by the previous validation of a document, reused by the next one. While the user types, each
 * debounced validation of a large workflow would otherwise parse every expression again, though an edit changes one
 * (a 1 MB workflow holds thousands). Generational: what one validation does not ask for is dropped after the next, so
 * the memory is at most two validations' worth of parse results.
 */
import type { Scope } from '../expression/types';
import { defaultExpressionSupport } from '../workflow/expressionSupport';
import type { ExpressionSupport, ParsedExpression } from '../workflow/validators/context';

export class ExpressionMemo implements ExpressionSupport {
  private current = new Map<string, ParsedExpression>();
  private previous = new Map<string, ParsedExpression>();

  constructor(private readonly support: ExpressionSupport = defaultExpressionSupport) {}

  parse(text: string, scope: Scope): ParsedExpression {
    const key = `${scope}\u0000${text}`;
    let result = this.current.get(key);
    if (result) return result;
    result = this.previous.get(key) ?? this.support.parse(text, scope);
    this.current.set(key, result);
    return result;
  }

  isAlwaysTrue(ast: unknown): boolean {
    return this.support.isAlwaysTrue(ast);
  }

  /** Ends a validation: what it used is kept for the next one, the rest goes. */
  endValidation(): void {
    this.previous = this.current;
    this.current = new Map();
  }
}
