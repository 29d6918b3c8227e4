/**
 * Checks that need the scope or the meaning of operators: which names exist where, constants of the wrong type,
 * day-of-week and time constants that can never match. Runs on the tree the parser produced.
 */
import {
  ACTIVITY_SID,
  DAYS_OF_WEEK,
  ExpressionIssueCode as Code,
  TASKROUTER_VARIABLES,
  WORKER_CHANNEL_PROPERTIES,
} from './codes';
import { pathText } from './references';
import type {
  ComparisonExpression,
  Condition,
  Expression,
  ExpressionIssue,
  KeyPath,
  NumberLiteral,
  Operand,
  Scope,
  Severity,
} from './types';

const WORKER_SID = /^WK[0-9a-fA-F]{32}$/;

/** A value's type when it is known without data: from a constant, or from a TaskRouter-provided variable. */
type KnownType = 'string' | 'number' | 'boolean' | 'null' | 'array' | undefined;

export function checkExpression(ast: Expression, scope: Scope, text: string): ExpressionIssue[] {
  const checker = new Checker(scope, text);
  if (ast.kind === 'orderBy') {
    for (const clause of ast.clauses) {
      if (clause.key.kind === 'path') checker.orderByKey(clause.key);
    }
  } else if (scope === 'knownWorker') {
    checker.knownWorker(ast);
  } else {
    checker.condition(ast);
  }
  return checker.issues;
}

class Checker {
  readonly issues: ExpressionIssue[] = [];

  constructor(
    private readonly scope: Scope,
    private readonly text: string,
  ) {}

  condition(node: Condition): void {
    switch (node.kind) {
      case 'logical':
        for (const operand of node.operands) this.condition(operand);
        break;
      case 'not':
        this.condition(node.operand);
        break;
      case 'comparison':
        this.operand(node.left);
        this.operand(node.right);
        this.comparison(node);
        break;
      default:
        this.operand(node);
        break;
    }
  }

  knownWorker(ast: Expression): void {
    const example = 'a task attribute reference such as `task.agent_sid`';
    if (ast.kind === 'path') {
      const head = ast.segments[0];
      const shown = pathText(ast);
      if (WORKER_SID.test(shown)) {
        this.report(
          Code.KnownWorkerReference,
          ast,
          `This field holds ${example}, not a worker SID: put the SID in a task attribute and reference it.`,
        );
      } else if (head.kind !== 'name' || head.name !== 'task' || ast.segments.length < 2) {
        this.report(
          Code.KnownWorkerReference,
          ast,
          `This field holds ${example}: \`${shown}\` is not a \`task.\` attribute.`,
        );
      }
      return;
    }
    if (ast.kind === 'error') return;
    this.report(
      Code.KnownWorkerReference,
      ast,
      ast.kind === 'string'
        ? `This field holds ${example}, not a quoted value.`
        : `This field holds exactly one ${example.replace('a task', 'task')}, not a condition or a constant.`,
    );
  }

  orderByKey(path: KeyPath): void {
    const head = path.segments[0];
    if (head.kind === 'name' && head.name === 'worker' && path.segments.length >= 2) return;
    const shown = pathText(path);
    if (head.kind === 'name' && (head.name === 'worker' || head.name === 'task') && path.segments.length === 1) {
      this.report(Code.OrderByKey, path, 'Name the attribute to sort by after `worker`, e.g. `worker.level DESC`.');
      return;
    }
    const isTask = head.kind === 'name' && head.name === 'task';
    this.report(
      Code.OrderByKey,
      path,
      `order_by sorts workers by one of their attributes: write \`worker.${isTask ? shown.slice(5) : shown}\`` +
        (isTask ? ', not a task attribute.' : '.'),
    );
  }

  private operand(node: Operand): void {
    if (node.kind === 'path') this.path(node);
    else if (node.kind === 'array') for (const element of node.elements) this.operand(element);
  }

  // --- names ------------------------------------------------------------------------------------------------------

  private path(path: KeyPath): void {
    const head = path.segments[0];
    if (head.kind !== 'name') return;
    const shown = pathText(path);
    const name = head.name;
    switch (this.scope) {
      case 'filter':
        if (name === 'taskrouter') this.taskrouterVariable(path);
        else if (name === 'task' && path.segments.length > 1) {
          this.report(
            Code.UnexpectedPrefix,
            path,
            `A filter reads task attributes without a prefix: write \`${shown.slice(5)}\`. ` +
              `\`${shown}\` means an attribute named "task".`,
            'warning',
          );
        } else if (name === 'worker') {
          this.report(
            Code.NameNotInScope,
            path,
            'A filter sees only the task: worker attributes belong in a target’s `expression`. ' +
              `\`${shown}\` means a task attribute named "worker".`,
            'warning',
          );
        } else if (name === 'workers') {
          this.report(
            Code.NameNotInScope,
            path,
            `\`${shown}\` is only available in a target’s \`skip_if\`; here it means a task attribute named "workers".`,
            'warning',
          );
        }
        break;
      case 'target':
        if (name === 'taskrouter') this.taskrouterVariable(path);
        else if (name === 'task' || name === 'worker') {
          if (path.segments.length < 2 || path.segments[1].kind !== 'name') {
            this.report(Code.MissingPrefix, path, `Name an attribute after \`${name}\`, e.g. \`${name}.skills\`.`);
          } else if (name === 'worker') {
            this.workerChannel(path);
          }
        } else if (name === 'workers') {
          this.report(
            Code.NameNotInScope,
            path,
            `\`${shown}\` is only available in \`skip_if\`, not in a target’s \`expression\`.`,
          );
        } else {
          this.report(
            Code.MissingPrefix,
            path,
            `A target expression compares the task with each worker, so say whose attribute this is: ` +
              `\`task.${shown}\` or \`worker.${shown}\`.`,
          );
        }
        break;
      case 'skipIf':
        if (name === 'workers') this.workersVariable(path);
        else {
          this.report(
            Code.NameNotInScope,
            path,
            '`skip_if` sees only the worker counts of the step’s queue: `workers.available`, ' +
              '`workers.unavailable` and `workers.WA…` (the number of workers in that activity).',
          );
        }
        break;
      case 'targetWorkers':
        if (name === 'worker' && path.segments.length > 1) {
          this.report(
            Code.UnexpectedPrefix,
            path,
            `A queue’s target_workers reads worker attributes without a prefix: write \`${shown.slice(7)}\`. ` +
              `\`${shown}\` means an attribute named "worker".`,
            'warning',
          );
        } else if (name === 'task') {
          this.report(
            Code.NameNotInScope,
            path,
            'A queue’s target_workers is evaluated against each worker alone; compare with task attributes in ' +
              `a workflow target’s \`expression\`. \`${shown}\` means a worker attribute named "task".`,
            'warning',
          );
        } else if (name === 'taskrouter') {
          this.report(
            Code.NameNotInScope,
            path,
            'Twilio documents `taskrouter.*` for workflow filters and target expressions only; it may not work ' +
              'in a queue’s target_workers.',
            'warning',
          );
          this.taskrouterVariable(path);
        } else if (name === 'workers') {
          this.report(
            Code.NameNotInScope,
            path,
            `\`${shown}\` is only available in a target’s \`skip_if\`; here it means a worker attribute named "workers".`,
            'warning',
          );
        }
        break;
      default:
        break;
    }
  }

  private taskrouterVariable(path: KeyPath): void {
    const second = path.segments[1];
    if (path.segments.length === 2 && second.kind === 'name') {
      if ((TASKROUTER_VARIABLES as readonly string[]).includes(second.name)) return;
    }
    const list = TASKROUTER_VARIABLES.map((v) => `\`taskrouter.${v}\``).join(', ');
    if (path.segments.length === 2 && second.kind === 'name') {
      const close = TASKROUTER_VARIABLES.find((v) => v.toLowerCase() === second.name.toLowerCase());
      this.report(
        Code.UnknownTaskrouterVariable,
        path,
        close !== undefined
          ? `\`taskrouter.${second.name}\` is not a TaskRouter variable (names are case-sensitive): write ` +
              `\`taskrouter.${close}\`.`
          : `\`${pathText(path)}\` is not a TaskRouter variable; there are ${list}.`,
      );
      return;
    }
    this.report(
      Code.UnknownTaskrouterVariable,
      path,
      `\`${pathText(path)}\` is not a TaskRouter variable; there are ${list}.`,
    );
  }

  private workersVariable(path: KeyPath): void {
    const second = path.segments[1];
    const help = 'use `workers.available`, `workers.unavailable` or `workers.WA…` with an activity SID.';
    if (path.segments.length !== 2 || second.kind !== 'name') {
      this.report(Code.UnknownWorkersVariable, path, `\`${pathText(path)}\` is not a worker count: ${help}`);
      return;
    }
    const name = second.name;
    if (name === 'available' || name === 'unavailable' || ACTIVITY_SID.test(name)) return;
    if (/^WA/i.test(name) && name.length > 2) {
      this.report(
        Code.MalformedActivitySid,
        second,
        `\`${name}\` is not an activity SID: it must be \`WA\` followed by 32 hexadecimal digits ` +
          `(this one has ${name.length - 2} characters after \`WA\`).`,
      );
      return;
    }
    const lower = name.toLowerCase();
    this.report(
      Code.UnknownWorkersVariable,
      path,
      lower === 'available' || lower === 'unavailable'
        ? `Names are case-sensitive: write \`workers.${lower}\`.`
        : `\`workers.${name}\` is not a worker count: ${help}`,
    );
  }

  private workerChannel(path: KeyPath): void {
    const s = path.segments;
    if (s[1].kind !== 'name' || s[1].name !== 'channel' || s.length < 3) return;
    const props = WORKER_CHANNEL_PROPERTIES.map((p) => `\`${p}\``).join(', ');
    if (
      s.length !== 4 ||
      s[3].kind !== 'name' ||
      !(WORKER_CHANNEL_PROPERTIES as readonly string[]).includes(s[3].name)
    ) {
      this.report(
        Code.UnknownChannelProperty,
        path,
        `Worker channels are read as \`worker.channel.<unique_name>.<property>\` with the property one of ${props}.`,
        'warning',
      );
    }
  }

  // --- comparisons ------------------------------------------------------------------------------------------------

  private comparison(node: ComparisonExpression): void {
    const { operator, left, right } = node;
    if (left.kind === 'error' || right.kind === 'error') return;
    const lt = this.knownType(left);
    const rt = this.knownType(right);
    const op = `\`${operator}\``;
    switch (operator) {
      case 'HAS':
      case 'NOT HAS':
        if (lt !== undefined && lt !== 'array') {
          this.report(
            Code.HasNeedsArray,
            node.operatorSpan,
            `${op} needs an array on its left, such as an attribute holding a list (\`skills HAS 'support'\`); ` +
              `\`${this.source(left)}\` is ${describe(lt)}.` +
              (lt === 'string' || lt === 'number'
                ? ` To test it against a list, write \`${this.source(left)} IN list\`.`
                : ''),
          );
        }
        break;
      case 'IN':
      case 'NOT IN':
        if (rt !== undefined && rt !== 'array') {
          this.report(
            Code.InNeedsArray,
            node.operatorSpan,
            `${op} needs an array on its right, such as \`['en', 'es']\` or an attribute holding a list; ` +
              `\`${this.source(right)}\` is ${describe(rt)}.` +
              (rt === 'string' || rt === 'number' ? ' To compare with one value, use `==` or `!=`.' : ''),
          );
        }
        break;
      case 'CONTAINS':
      case 'NOT CONTAINS':
        for (const [side, t] of [
          [left, lt],
          [right, rt],
        ] as const) {
          if (t !== undefined && t !== 'string') {
            this.report(
              Code.ContainsNeedsStrings,
              side,
              `${op} looks for text inside text, so both sides must be strings; \`${this.source(side)}\` is ` +
                `${describe(t)}.` +
                (t === 'array' && side === left ? ' To look for a value in a list, use `HAS`.' : ''),
            );
          }
        }
        break;
      default:
        this.scalarComparison(node, lt, rt);
        break;
    }
    this.dayOfWeek(node);
    this.timeRange(node);
  }

  private scalarComparison(node: ComparisonExpression, lt: KnownType, rt: KnownType): void {
    const { operator, left, right } = node;
    const op = `\`${operator}\``;
    if (lt === 'array' || rt === 'array') {
      const arraySide = lt === 'array' ? left : right;
      const other = arraySide === left ? right : left;
      this.report(
        Code.ScalarOperatorOnArray,
        arraySide,
        `${op} compares single values and is always false with an array. ` +
          (operator === '==' || operator === '!='
            ? `To test whether a value is in a list, write \`${this.source(other)} ${operator === '==' ? 'IN' : 'NOT IN'} ${this.source(arraySide)}\`.`
            : ''),
      );
      return;
    }
    if (lt === undefined || rt === undefined) {
      // One side is data: only `>` and friends with null or a boolean constant are certain to be false.
      const known = lt ?? rt;
      if (isOrdering(operator) && (known === 'null' || known === 'boolean')) {
        this.report(
          Code.TypeMismatch,
          node,
          `${op} orders numbers or strings; with ${describe(known)} it is always false.`,
          'warning',
        );
      }
      return;
    }
    if (lt === 'null' || rt === 'null') {
      if (isOrdering(operator)) {
        this.report(Code.TypeMismatch, node, `${op} with null is always false.`, 'warning');
      }
      return;
    }
    if (lt !== rt) {
      const outcome = operator === '!=' ? 'always true' : 'always false';
      this.report(
        Code.TypeMismatch,
        node,
        `This compares ${describe(lt)} with ${describe(rt)}; TaskRouter does not convert between types, so it is ` +
          `${outcome}.` +
          ((lt === 'number' && rt === 'string') || (lt === 'string' && rt === 'number')
            ? ' Write both sides as numbers (no quotes) or both as strings.'
            : ''),
        'warning',
      );
    } else if (lt === 'boolean' && isOrdering(operator)) {
      this.report(Code.TypeMismatch, node, `${op} does not order true and false; it is always false.`, 'warning');
    }
  }

  /** `taskrouter.dayOfWeek == 'THU'`: the constant must be exactly one of Mon..Sun. */
  private dayOfWeek(node: ComparisonExpression): void {
    if (this.isVariable(node.left, 'dayOfWeek')) this.dayConstants(node.right);
    if (this.isVariable(node.right, 'dayOfWeek')) this.dayConstants(node.left);
  }

  private dayConstants(value: Operand): void {
    const strings = value.kind === 'string' ? [value] : value.kind === 'array' ? value.elements : [];
    for (const s of strings) {
      if (s.kind !== 'string' || (DAYS_OF_WEEK as readonly string[]).includes(s.value)) continue;
      const match = DAYS_OF_WEEK.find((d) => d.toLowerCase() === s.value.toLowerCase());
      if (match !== undefined) {
        this.report(
          Code.DayOfWeekCase,
          s,
          `'${s.value}' never matches: \`taskrouter.dayOfWeek\` is written '${match}' (case matters).`,
          'warning',
        );
      } else {
        const prefix = DAYS_OF_WEEK.find((d) => s.value.toLowerCase().startsWith(d.toLowerCase()));
        this.report(
          Code.DayOfWeekValue,
          s,
          `'${s.value}' never matches: \`taskrouter.dayOfWeek\` is one of ${DAYS_OF_WEEK.map((d) => `'${d}'`).join(', ')}` +
            (prefix !== undefined ? ` (write '${prefix}').` : '.'),
          'warning',
        );
      }
    }
  }

  /** `taskrouter.currentTime > 2500`, `taskrouter.currentMin == 75`: constants outside the variable's range. */
  private timeRange(node: ComparisonExpression): void {
    if (node.right.kind === 'number') this.timeConstant(node.left, node.right);
    if (node.left.kind === 'number') this.timeConstant(node.right, node.left);
  }

  private timeConstant(variable: Operand, value: NumberLiteral): void {
    const v = value.value;
    if (this.isVariable(variable, 'currentTime')) {
      if (v < 0 || v > 2400 || (Number.isInteger(v) && v % 100 >= 60) || !Number.isInteger(v)) {
        this.report(
          Code.TimeOutOfRange,
          value,
          `\`taskrouter.currentTime\` is the UTC time as a whole number HHMM from 0 to 2359 (e.g. 1730 for ` +
            `5:30 pm); ${value.value} is not such a time.`,
          'warning',
        );
      }
    } else if (this.isVariable(variable, 'currentHour')) {
      if (v < 0 || v > 24 || !Number.isInteger(v)) {
        this.report(Code.TimeOutOfRange, value, `\`taskrouter.currentHour\` is a UTC hour from 0 to 23.`, 'warning');
      }
    } else if (this.isVariable(variable, 'currentMin')) {
      if (v < 0 || v > 60 || !Number.isInteger(v)) {
        this.report(Code.TimeOutOfRange, value, `\`taskrouter.currentMin\` is a minute from 0 to 59.`, 'warning');
      }
    }
  }

  private isVariable(node: Operand, name: string): boolean {
    if (node.kind !== 'path' || node.segments.length !== 2) return false;
    const [a, b] = node.segments;
    return a.kind === 'name' && a.name === 'taskrouter' && b.kind === 'name' && b.name === name;
  }

  private knownType(node: Operand): KnownType {
    switch (node.kind) {
      case 'string':
      case 'number':
      case 'boolean':
      case 'null':
      case 'array':
        return node.kind;
      case 'path':
        return this.variableType(node);
      default:
        return undefined;
    }
  }

  /** Types of the values TaskRouter itself provides in this scope. */
  private variableType(path: KeyPath): KnownType {
    const s = path.segments;
    if (s[0].kind !== 'name' || s.length < 2 || s[1].kind !== 'name') return undefined;
    const head = s[0].name;
    const second = s[1].name;
    if (head === 'taskrouter' && s.length === 2 && this.scope !== 'skipIf') {
      if (second === 'dayOfWeek') return 'string';
      if (second === 'currentTime' || second === 'currentHour' || second === 'currentMin') return 'number';
    }
    if (head === 'workers' && s.length === 2 && this.scope === 'skipIf') {
      if (second === 'available' || second === 'unavailable' || ACTIVITY_SID.test(second)) return 'number';
    }
    if (head === 'worker' && this.scope === 'target') {
      if (s.length === 2 && ['sid', 'friendly_name', 'activity_name', 'activity_sid'].includes(second)) return 'string';
      if (
        second === 'channel' &&
        s.length === 4 &&
        s[3].kind === 'name' &&
        (WORKER_CHANNEL_PROPERTIES as readonly string[]).includes(s[3].name)
      ) {
        return 'number';
      }
    }
    return undefined;
  }

  private source(node: Operand): string {
    const s = this.text.slice(node.start, node.end);
    return s.length > 40 ? `${s.slice(0, 37)}...` : s;
  }

  private report(
    code: string,
    span: { start: number; end: number },
    message: string,
    severity: Severity = 'error',
  ): void {
    this.issues.push({ code, message, severity, start: span.start, end: span.end });
  }
}

function isOrdering(operator: string): boolean {
  return operator === '>' || operator === '>=' || operator === '<' || operator === '<=';
}

function describe(type: KnownType): string {
  switch (type) {
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'a boolean';
    case 'null':
      return 'null';
    case 'array':
      return 'an array';
    default:
      return 'a value';
  }
}
