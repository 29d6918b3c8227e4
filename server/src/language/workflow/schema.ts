/**
 * The structure of a workflow configuration as a JSON schema (draft-07), as data. vscode-json-languageservice can
 * use it for key completion, hover and structural validation; the benchmark uses it as the baseline to beat. It only
 * describes structure: expressions, SIDs against the workspace and unreachable filters are the validators' job.
 */

const queueSid = {
  type: 'string',
  pattern: '^WQ[0-9a-fA-F]{32}$',
  description: 'The SID of a task queue of this workspace: `WQ` followed by 32 hexadecimal digits.',
} as const;

const numberOrNumericString = (description: string, minimum: number, integer: boolean) =>
  ({
    description,
    anyOf: [
      { type: integer ? 'integer' : 'number', minimum },
      { type: 'string', pattern: '^\\s*\\d+\\s*$', deprecationMessage: 'Write a number without quotes.' },
    ],
  }) as const;

const target = {
  type: 'object',
  description:
    'A routing step. Targets are tried top to bottom: the next one is reached when this one times out or its `skip_if` is true.',
  properties: {
    queue: {
      ...queueSid,
      description: 'The queue this step routes to. Required in the first target; later targets inherit it.',
    },
    task_queue_sid: { ...queueSid, deprecationMessage: 'Legacy key: use `queue`.' },
    expression: {
      type: 'string',
      description:
        'Which workers of the queue may take the task, e.g. `task.language IN worker.languages`. Names use the `task.` and `worker.` prefixes.',
    },
    priority: numberOrNumericString('The task priority while this step applies (0 or more; carries over).', 0, true),
    timeout: numberOrNumericString(
      'Seconds (cumulative against the task age) before the next target is tried; on the last target the task is canceled.',
      1,
      true,
    ),
    order_by: { type: 'string', description: 'Worker order, e.g. `worker.level DESC, worker.tenure ASC`.' },
    skip_if: { type: 'string', description: 'Skip this step when true, e.g. `workers.available == 0`.' },
    known_worker_sid: {
      type: 'string',
      description: 'A task attribute holding a worker SID, e.g. `task.agent_sid` (not a literal SID).',
    },
    known_worker_friendly_name: {
      type: 'string',
      description: 'A task attribute holding a worker friendly name, e.g. `task.agent_name`.',
    },
  },
  additionalProperties: false,
  not: { required: ['known_worker_sid', 'known_worker_friendly_name'] },
} as const;

const filter = {
  type: 'object',
  description: 'Filters are tried top to bottom; the first whose expression matches the task routes it.',
  properties: {
    filter_friendly_name: { type: 'string', description: 'The name shown in the Console, events and statistics.' },
    friendly_name: { type: 'string', deprecationMessage: 'Legacy key: use `filter_friendly_name`.' },
    friendlyName: { type: 'string', deprecationMessage: 'Legacy key: use `filter_friendly_name`.' },
    expression: {
      type: 'string',
      description: 'Which tasks this filter matches, over task attributes, e.g. `type == "support"`.',
    },
    targets: { type: 'array', minItems: 1, items: target, description: 'The routing steps, tried top to bottom.' },
  },
  required: ['expression', 'targets'],
  additionalProperties: false,
} as const;

export const workflowSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'taskrouter://schemas/workflow-configuration.json',
  title: 'TaskRouter workflow configuration',
  type: 'object',
  properties: {
    task_routing: {
      type: 'object',
      description: 'How tasks are routed: filters tried in order, and a default filter.',
      properties: {
        filters: { type: 'array', items: filter, description: 'Tried top to bottom; the first match wins.' },
        default_filter: {
          type: 'object',
          description: 'Used only when no filter matches (not after a target times out).',
          properties: {
            queue: { ...queueSid, description: 'The queue for tasks that match no filter.' },
            task_queue_sid: { ...queueSid, deprecationMessage: 'Legacy key: use `queue`.' },
          },
          additionalProperties: false,
        },
      },
      additionalProperties: false,
    },
  },
  required: ['task_routing'],
  additionalProperties: false,
} as const;
