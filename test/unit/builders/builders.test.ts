import { strict as assert } from 'node:assert';
import {
  WorkflowConfig,
  WorkflowConfigError,
  WorkflowRule,
  WorkflowRuleTarget,
  type WorkflowRuleTargetOptions,
} from '../../../server/src/builders';
import { validateWorkflow } from '../../../server/src/language/workflow';

/** The seed's Python example, with its undefined `ruleTargets1` fixed to `anotherRuleTargets`. */
function seedExample(): WorkflowConfig {
  const rules: WorkflowRule[] = [];
  const ruleTargets: WorkflowRuleTarget[] = [];
  const anotherRuleTargets: WorkflowRuleTarget[] = [];
  const ruleTarget = new WorkflowRuleTarget('WQeae4fc2f4db7f377c5d3758fb08b79b7', '1==1', 1, 20);
  const anotherRuleTarget = new WorkflowRuleTarget('WQ19ebe92fb33522f018b5a31d805d94da', '1==1', 1, 210);
  ruleTargets.push(ruleTarget);
  anotherRuleTargets.push(anotherRuleTarget);
  const rule = new WorkflowRule('1==1', ruleTargets, 'SomeQ');
  rules.push(rule);
  const anotherRule = new WorkflowRule('1==1', anotherRuleTargets, 'SomeOtherQ');
  rules.push(anotherRule);
  const defaultTarget = new WorkflowRuleTarget('WQ9963154bf3122d0a0558f3763951d916', '1==1', null, null);
  return new WorkflowConfig(rules, defaultTarget);
}

describe('builders: the seed example', () => {
  it('emits the modern keys', () => {
    assert.deepEqual(JSON.parse(seedExample().toJson()), {
      task_routing: {
        filters: [
          {
            filter_friendly_name: 'SomeQ',
            expression: '1==1',
            targets: [{ queue: 'WQeae4fc2f4db7f377c5d3758fb08b79b7', expression: '1==1', priority: 1, timeout: 20 }],
          },
          {
            filter_friendly_name: 'SomeOtherQ',
            expression: '1==1',
            targets: [{ queue: 'WQ19ebe92fb33522f018b5a31d805d94da', expression: '1==1', priority: 1, timeout: 210 }],
          },
        ],
        default_filter: { queue: 'WQ9963154bf3122d0a0558f3763951d916', expression: '1==1' },
      },
    });
  });

  it('is accepted by the validator with zero errors (the warnings say what the example gets wrong)', () => {
    const config = seedExample();
    const diagnostics = validateWorkflow(config.toJson()).diagnostics;
    assert.deepEqual(
      diagnostics.filter((d) => d.severity === 'error'),
      [],
    );
    // Both rules match everything, so the second can never match; default_filter only documents `queue`.
    assert.deepEqual(diagnostics.map((d) => d.code).sort(), ['misplaced-key', 'unreachable-filter']);
    assert.deepEqual(config.validate(), diagnostics);
  });

  it('round-trips through fromJson, pretty and compact', () => {
    const config = seedExample();
    for (const indent of [2, 0, 4]) {
      const text = config.toJson(indent);
      const again = WorkflowConfig.fromJson(text);
      assert.equal(again.toJson(indent), text);
      assert.deepEqual(again, config);
    }
  });

  it('toJson() is pretty-printed with two spaces, JSON.stringify gives the compact form', () => {
    const config = seedExample();
    assert.equal(config.toJson(), JSON.stringify(config.toJSON(), null, 2));
    assert.ok(config.toJson().startsWith('{\n  "task_routing": {\n    "filters": ['));
    assert.equal(JSON.stringify(config), config.toJson(0));
  });
});

describe('builders: WorkflowRuleTarget', () => {
  it('has an options form for all eight fields, serialised with the modern keys in a fixed order', () => {
    const target = new WorkflowRuleTarget({
      knownWorkerFriendlyName: 'task.agent_name',
      skipIf: 'workers.available == 0',
      orderBy: 'worker.level DESC',
      timeout: 30,
      priority: 5,
      expression: 'task.language IN worker.languages',
      queue: 'WQeae4fc2f4db7f377c5d3758fb08b79b7',
      knownWorkerSid: 'task.agent_sid',
    });
    assert.deepEqual(Object.entries(target.toJSON()), [
      ['queue', 'WQeae4fc2f4db7f377c5d3758fb08b79b7'],
      ['expression', 'task.language IN worker.languages'],
      ['priority', 5],
      ['timeout', 30],
      ['order_by', 'worker.level DESC'],
      ['skip_if', 'workers.available == 0'],
      ['known_worker_sid', 'task.agent_sid'],
      ['known_worker_friendly_name', 'task.agent_name'],
    ]);
  });

  it('leaves out unset fields; null (Python None) means unset; priority 0 is kept', () => {
    assert.deepEqual(new WorkflowRuleTarget('WQ1', null, 0, undefined).toJSON(), { queue: 'WQ1', priority: 0 });
    assert.deepEqual(new WorkflowRuleTarget({}).toJSON(), {});
  });

  it('rejects values of the wrong type from JavaScript callers, naming the field', () => {
    assert.throws(() => new WorkflowRuleTarget(42 as unknown as string), /queue must be a string, got number 42/);
    assert.throws(
      () => new WorkflowRuleTarget('WQ1', '1==1', '2' as unknown as number),
      /priority must be a number, got the string "2"/,
    );
    assert.throws(() => new WorkflowRuleTarget({ timeout: NaN }), /timeout must be a number/);
    assert.throws(() => new WorkflowRule('1==1', [{} as WorkflowRuleTarget]), /array of WorkflowRuleTarget/);
    assert.throws(() => new WorkflowRule(undefined as unknown as string, []), /expression must be a string/);
    assert.throws(
      () => new WorkflowConfig({} as WorkflowRule[]),
      /rules must be an array of WorkflowRule, got an object/,
    );
    assert.throws(
      () => new WorkflowConfig([], 'WQ1' as unknown as WorkflowRuleTarget),
      /defaultTarget must be a WorkflowRuleTarget/,
    );
  });

  it('refuses option names it does not know, naming the one to write (they were dropped without a word)', () => {
    const options = (value: object) => value as WorkflowRuleTargetOptions;
    assert.throws(
      () => new WorkflowRuleTarget(options({ queue: 'WQ1', order_by: 'worker.level DESC' })),
      /no option "order_by": write orderBy\./,
    );
    assert.throws(
      () => new WorkflowRuleTarget(options({ task_queue_sid: 'WQ1' })),
      /no option "task_queue_sid": write queue\./,
    );
    assert.throws(
      () => new WorkflowRuleTarget(options({ queue: 'WQ1', prority: 2 })),
      /no option "prority": the options are queue, expression, priority, timeout, orderBy, skipIf, knownWorkerSid, knownWorkerFriendlyName\./,
    );
  });

  it('a rule without a name has no filter_friendly_name key', () => {
    assert.deepEqual(new WorkflowRule('1==1', []).toJSON(), { expression: '1==1', targets: [] });
  });
});

describe('builders: WorkflowConfig.fromJson', () => {
  it('reads legacy keys and numeric strings, and writes modern keys and numbers', () => {
    const legacy = JSON.stringify({
      task_routing: {
        filters: [
          {
            friendly_name: 'Old',
            expression: "type == 'a'",
            targets: [{ task_queue_sid: 'WQeae4fc2f4db7f377c5d3758fb08b79b7', priority: '2', timeout: '30' }, {}],
          },
          { friendlyName: 'Java', expression: '1==1', targets: [{ queue: 'WQ19ebe92fb33522f018b5a31d805d94da' }] },
        ],
        default_filter: { task_queue_sid: 'WQ9963154bf3122d0a0558f3763951d916' },
      },
    });
    const config = WorkflowConfig.fromJson(legacy);
    assert.deepEqual(config.toJSON(), {
      task_routing: {
        filters: [
          {
            filter_friendly_name: 'Old',
            expression: "type == 'a'",
            targets: [{ queue: 'WQeae4fc2f4db7f377c5d3758fb08b79b7', priority: 2, timeout: 30 }, {}],
          },
          {
            filter_friendly_name: 'Java',
            expression: '1==1',
            targets: [{ queue: 'WQ19ebe92fb33522f018b5a31d805d94da' }],
          },
        ],
        default_filter: { queue: 'WQ9963154bf3122d0a0558f3763951d916' },
      },
    });
    assert.equal(config.rules[0].targets[1].queue, undefined, 'a later target inherits, so it keeps no queue');
  });

  it('prefers the modern key when both are written', () => {
    const config = WorkflowConfig.fromJson(
      '{"task_routing": {"default_filter": {"task_queue_sid": "WQ1", "queue": "WQ2"}, "filters": []}}',
    );
    assert.equal(config.defaultTarget?.queue, 'WQ2');
  });

  it('throws a WorkflowConfigError that says what is wrong and where', () => {
    const text = '{\n  "task_routing": {\n    "filters": [{"expression": 5, "targets": []}]\n  }\n}';
    let error: unknown;
    try {
      WorkflowConfig.fromJson(text);
    } catch (e) {
      error = e;
    }
    assert.ok(error instanceof WorkflowConfigError, String(error));
    assert.match(error.message, /Cannot read the workflow configuration \(2 errors\)/);
    assert.match(error.message, /3:32 wrong-type: `expression` must be a string/);
    assert.match(error.message, /3:46 empty-targets/);
    assert.deepEqual(
      error.diagnostics.map((d) => d.code),
      ['wrong-type', 'empty-targets'],
    );
  });

  it('throws on invalid JSON, on a missing task_routing, and on a non-string argument', () => {
    assert.throws(() => WorkflowConfig.fromJson('{"task_routing": '), /1:18 invalid-json/);
    assert.throws(() => WorkflowConfig.fromJson('{}'), /missing-task-routing/);
    assert.throws(() => WorkflowConfig.fromJson(undefined as unknown as string), /needs a string, got undefined/);
  });

  it('reads expressions, SIDs and numbers it would flag, leaving them to validate()', () => {
    const config = WorkflowConfig.fromJson(
      '{"task_routing": {"filters": [{"expression": "a ==", "targets": [{"queue": "nope", "timeout": -1}]}]}}',
    );
    const codes = config.validate().map((d) => d.code);
    assert.ok(codes.includes('malformed-queue-sid'), codes.join());
    assert.ok(codes.includes('invalid-timeout'), codes.join());
    assert.ok(
      codes.some((c) => c.startsWith('expr-')),
      codes.join(),
    );
  });

  it('fromObject accepts a parsed object', () => {
    const config = WorkflowConfig.fromObject(seedExampleObject());
    assert.equal(config.rules.length, 1);
    assert.throws(() => WorkflowConfig.fromObject([]), /WorkflowConfigError|not an array/);
  });
});

function seedExampleObject(): unknown {
  return { task_routing: { filters: [{ expression: '1==1', targets: [{ queue: 'WQ1' }] }] } };
}

describe('builders: validate()', () => {
  it('reports problems with ranges into toJson(indent)', () => {
    const config = new WorkflowConfig([new WorkflowRule("type == 'x'", [new WorkflowRuleTarget('WQnot-a-sid')], 'X')]);
    const [diagnostic] = config.validate({ indent: 0 });
    const text = config.toJson(0);
    assert.equal(diagnostic.code, 'malformed-queue-sid');
    assert.equal(diagnostic.range.start.line, 0);
    assert.equal(text.slice(diagnostic.range.start.character, diagnostic.range.end.character), 'WQnot-a-sid');
  });

  it('reports unknown queues when the workspace queues are given', () => {
    const config = seedExample();
    const codes = config
      .validate({ queues: [{ sid: 'WQeae4fc2f4db7f377c5d3758fb08b79b7' }] })
      .filter((d) => d.code === 'unknown-queue');
    assert.equal(codes.length, 2);
  });
});
