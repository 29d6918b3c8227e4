/** Workflows: the configuration is validated (structure, the project's validator, queue SIDs) before it is stored. */
import { parseRoutingConfig, queuesOf, type RoutingConfig } from '../../../server/src/routing';
import type { App, Request, Route } from '../app';
import { ApiError, badRequest } from '../errors';
import { routeNewTask } from '../engine';
import { resourceEvent, wsPath } from '../events';
import { friendlyNameParam } from '../params';
import { workflowJson } from '../serialize';
import { newSid, type WorkflowRec, type WorkspaceRec } from '../state';
import { created, listReply, noContent, ok, touchAndNow } from './common';

/** Twilio's limit on a workflow configuration document. */
export const MAX_CONFIGURATION_LENGTH = 1024 * 1024;

export function queuesUsedByWorkflow(config: RoutingConfig): string[] {
  return queuesOf(config);
}

function configurationParam(app: App, ws: WorkspaceRec, raw: string): string {
  if (raw.length > MAX_CONFIGURATION_LENGTH) {
    throw new ApiError(
      400,
      20001,
      `Configuration is ${raw.length} characters long; the maximum is ${MAX_CONFIGURATION_LENGTH}`,
    );
  }
  const parsed = parseRoutingConfig(raw);
  if (!parsed.config) throw badRequest(`Invalid Configuration: ${parsed.errors.join('; ')}`);
  const check = app.validateWorkflow(raw, [...ws.taskQueues.keys()]);
  if (check.errors.length > 0) throw badRequest(`Invalid Configuration: ${check.errors.join('; ')}`);
  for (const sid of queuesOf(parsed.config)) {
    if (!ws.taskQueues.has(sid)) {
      throw badRequest(`Invalid Configuration: TaskQueue ${sid} does not exist in Workspace ${ws.sid}`);
    }
  }
  return raw;
}

function urlParam(req: Request, name: string): string | null | undefined {
  const v = req.body.string(name);
  if (v === undefined) return undefined;
  if (v === '') return null;
  if (!/^https?:\/\/\S+$/i.test(v)) throw badRequest(`${name} must be an absolute http(s) URL, got '${v}'`);
  return v;
}

function create(app: App, req: Request) {
  const ws = app.workspace(req);
  const friendlyName = friendlyNameParam(req.body, true)!;
  const configuration = configurationParam(app, ws, req.body.required('Configuration'));
  const assignment = urlParam(req, 'AssignmentCallbackUrl');
  const fallback = urlParam(req, 'FallbackAssignmentCallbackUrl');
  const timeout = req.body.int('TaskReservationTimeout', 1, 86400);
  const now = touchAndNow(app);
  const wf: WorkflowRec = {
    sid: newSid('WW'),
    seq: app.state.nextSeq(),
    date_created: now,
    date_updated: now,
    friendly_name: friendlyName,
    configuration,
    assignment_callback_url: assignment ?? null,
    fallback_assignment_callback_url: fallback ?? null,
    task_reservation_timeout: timeout ?? 120,
  };
  ws.workflows.set(wf.sid, wf);
  resourceEvent(
    app,
    ws,
    'workflow.created',
    `Workflow ${friendlyName} created`,
    'workflow',
    wf.sid,
    `${wsPath(ws)}/Workflows/${wf.sid}`,
  );
  return created(workflowJson(app.out(req, ws), wf));
}

function fetch(app: App, req: Request) {
  const ws = app.workspace(req);
  return ok(workflowJson(app.out(req, ws), app.find(ws.workflows, req.pathParams.Sid, req)));
}

function update(app: App, req: Request) {
  const ws = app.workspace(req);
  const wf = app.find(ws.workflows, req.pathParams.Sid, req);
  const friendlyName = friendlyNameParam(req.body, false);
  const rawConfig = req.body.string('Configuration');
  const configuration = rawConfig !== undefined ? configurationParam(app, ws, rawConfig) : undefined;
  const assignment = urlParam(req, 'AssignmentCallbackUrl');
  const fallback = urlParam(req, 'FallbackAssignmentCallbackUrl');
  const timeout = req.body.int('TaskReservationTimeout', 1, 86400);
  const reEvaluate = req.body.looseBool('ReEvaluateTasks') ?? false;
  const now = touchAndNow(app);
  if (friendlyName !== undefined) wf.friendly_name = friendlyName;
  if (configuration !== undefined) wf.configuration = configuration;
  if (assignment !== undefined) wf.assignment_callback_url = assignment;
  if (fallback !== undefined) wf.fallback_assignment_callback_url = fallback;
  if (timeout !== undefined) wf.task_reservation_timeout = timeout;
  wf.date_updated = now;
  resourceEvent(
    app,
    ws,
    'workflow.updated',
    `Workflow ${wf.friendly_name} updated`,
    'workflow',
    wf.sid,
    `${wsPath(ws)}/Workflows/${wf.sid}`,
  );
  if (reEvaluate) {
    for (const t of ws.tasks.values()) {
      if (t.workflow_sid === wf.sid && t.assignment_status === 'pending') routeNewTask(app, ws, t);
    }
  }
  return ok(workflowJson(app.out(req, ws), wf));
}

function remove(app: App, req: Request) {
  const ws = app.workspace(req);
  const wf = app.find(ws.workflows, req.pathParams.Sid, req);
  const active = [...ws.tasks.values()].filter(
    (t) => t.workflow_sid === wf.sid && (t.assignment_status === 'pending' || t.assignment_status === 'reserved'),
  ).length;
  if (active > 0) {
    throw badRequest(
      `Workflow ${wf.sid} (${wf.friendly_name}) cannot be deleted: it is routing ${active} pending Task(s)`,
    );
  }
  ws.workflows.delete(wf.sid);
  resourceEvent(
    app,
    ws,
    'workflow.deleted',
    `Workflow ${wf.friendly_name} deleted`,
    'workflow',
    wf.sid,
    `${wsPath(ws)}/Workflows/${wf.sid}`,
  );
  return noContent();
}

function list(app: App, req: Request) {
  const ws = app.workspace(req);
  const name = req.query.string('FriendlyName');
  const items = [...ws.workflows.values()].filter((wf) => name === undefined || wf.friendly_name === name);
  const out = app.out(req, ws);
  return listReply(req, 'workflows', items, (wf) => workflowJson(out, wf), ['FriendlyName']);
}

export const workflowRoutes: Route[] = [
  { method: 'GET', template: '/v1/Workspaces/{WorkspaceSid}/Workflows', handler: list },
  { method: 'POST', template: '/v1/Workspaces/{WorkspaceSid}/Workflows', handler: create },
  { method: 'GET', template: '/v1/Workspaces/{WorkspaceSid}/Workflows/{Sid}', handler: fetch },
  { method: 'POST', template: '/v1/Workspaces/{WorkspaceSid}/Workflows/{Sid}', handler: update },
  { method: 'DELETE', template: '/v1/Workspaces/{WorkspaceSid}/Workflows/{Sid}', handler: remove },
];
