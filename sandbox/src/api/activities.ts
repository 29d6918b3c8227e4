/** Activities: availability fixed at creation; an activity in use cannot be deleted. */
import type { App, Request, Route } from '../app';
import { badRequest } from '../errors';
import { resourceEvent, wsPath } from '../events';
import { friendlyNameParam } from '../params';
import { activityJson } from '../serialize';
import { newSid, type ActivityRec } from '../state';
import { created, listReply, noContent, ok, touchAndNow } from './common';

function create(app: App, req: Request) {
  const ws = app.workspace(req);
  const friendlyName = friendlyNameParam(req.body, true)!;
  const available = req.body.looseBool('Available') ?? false;
  const now = touchAndNow(app);
  const a: ActivityRec = {
    sid: newSid('WA'),
    seq: app.state.nextSeq(),
    date_created: now,
    date_updated: now,
    friendly_name: friendlyName,
    available,
  };
  ws.activities.set(a.sid, a);
  resourceEvent(
    app,
    ws,
    'activity.created',
    `Activity ${friendlyName} created`,
    'activity',
    a.sid,
    `${wsPath(ws)}/Activities/${a.sid}`,
  );
  return created(activityJson(app.out(req, ws), a));
}

function fetch(app: App, req: Request) {
  const ws = app.workspace(req);
  return ok(activityJson(app.out(req, ws), app.find(ws.activities, req.pathParams.Sid, req)));
}

function update(app: App, req: Request) {
  const ws = app.workspace(req);
  const a = app.find(ws.activities, req.pathParams.Sid, req);
  if (req.body.has('Available')) {
    throw badRequest('Available cannot be changed after the Activity is created; only FriendlyName can be updated');
  }
  const friendlyName = friendlyNameParam(req.body, false);
  const now = touchAndNow(app);
  if (friendlyName !== undefined) a.friendly_name = friendlyName;
  a.date_updated = now;
  resourceEvent(
    app,
    ws,
    'activity.updated',
    `Activity ${a.friendly_name} updated`,
    'activity',
    a.sid,
    `${wsPath(ws)}/Activities/${a.sid}`,
  );
  return ok(activityJson(app.out(req, ws), a));
}

function remove(app: App, req: Request) {
  const ws = app.workspace(req);
  const a = app.find(ws.activities, req.pathParams.Sid, req);
  const users = [...ws.workers.values()].filter((k) => k.activity_sid === a.sid).length;
  if (users > 0) {
    throw badRequest(`Activity ${a.sid} (${a.friendly_name}) cannot be deleted: ${users} Worker(s) are in it`);
  }
  if (ws.default_activity_sid === a.sid || ws.timeout_activity_sid === a.sid) {
    throw badRequest(
      `Activity ${a.sid} (${a.friendly_name}) cannot be deleted: it is the Workspace's ${ws.default_activity_sid === a.sid ? 'default' : 'timeout'} activity`,
    );
  }
  for (const q of ws.taskQueues.values()) {
    if (q.reservation_activity_sid === a.sid || q.assignment_activity_sid === a.sid) {
      throw badRequest(`Activity ${a.sid} (${a.friendly_name}) cannot be deleted: TaskQueue ${q.sid} uses it`);
    }
  }
  ws.activities.delete(a.sid);
  resourceEvent(
    app,
    ws,
    'activity.deleted',
    `Activity ${a.friendly_name} deleted`,
    'activity',
    a.sid,
    `${wsPath(ws)}/Activities/${a.sid}`,
  );
  return noContent();
}

function list(app: App, req: Request) {
  const ws = app.workspace(req);
  const name = req.query.string('FriendlyName');
  const available = req.query.looseBool('Available');
  const items = [...ws.activities.values()].filter(
    (a) => (name === undefined || a.friendly_name === name) && (available === undefined || a.available === available),
  );
  const out = app.out(req, ws);
  return listReply(req, 'activities', items, (a) => activityJson(out, a), ['FriendlyName', 'Available']);
}

export const activityRoutes: Route[] = [
  { method: 'GET', template: '/v1/Workspaces/{WorkspaceSid}/Activities', handler: list },
  { method: 'POST', template: '/v1/Workspaces/{WorkspaceSid}/Activities', handler: create },
  { method: 'GET', template: '/v1/Workspaces/{WorkspaceSid}/Activities/{Sid}', handler: fetch },
  { method: 'POST', template: '/v1/Workspaces/{WorkspaceSid}/Activities/{Sid}', handler: update },
  { method: 'DELETE', template: '/v1/Workspaces/{WorkspaceSid}/Activities/{Sid}', handler: remove },
];
