/** Reservations, seen from their task and from their worker. */
import type { App, Request, Route } from '../app';
import { badRequest, notFound } from '../errors';
import { updateReservation } from '../engine';
import { reservationJson } from '../serialize';
import type { ReservationRec, ReservationStatus } from '../state';
import { activityParam, checkIfMatch, etag, listReply, ok, touchAndNow } from './common';

export const RESERVATION_STATUSES: readonly ReservationStatus[] = [
  'pending',
  'accepted',
  'rejected',
  'timeout',
  'canceled',
  'rescinded',
  'wrapping',
  'completed',
];

/** Instructions that accept the reservation while telling Twilio what to do with the call. */
const ACCEPTING_INSTRUCTIONS = new Set(['accept', 'conference', 'dequeue', 'call', 'redirect']);

function find(app: App, req: Request, via: 'task' | 'worker'): ReservationRec {
  const ws = app.workspace(req);
  const r = app.find(ws.reservations, req.pathParams.Sid, req);
  if (via === 'task') {
    const t = app.find(ws.tasks, req.pathParams.TaskSid, req);
    if (r.task_sid !== t.sid) throw notFound(req.path);
  } else {
    const k = app.find(ws.workers, req.pathParams.WorkerSid, req);
    if (r.worker_sid !== k.sid) throw notFound(req.path);
  }
  return r;
}

function listFor(via: 'task' | 'worker') {
  return (app: App, req: Request) => {
    const ws = app.workspace(req);
    const status = req.query.enumValue('ReservationStatus', RESERVATION_STATUSES);
    let items: ReservationRec[];
    if (via === 'task') {
      const t = app.find(ws.tasks, req.pathParams.TaskSid, req);
      const workerSid = req.query.sid('WorkerSid', 'WK');
      items = [...ws.reservations.values()].filter(
        (r) => r.task_sid === t.sid && (workerSid === undefined || r.worker_sid === workerSid),
      );
    } else {
      const k = app.find(ws.workers, req.pathParams.WorkerSid, req);
      items = [...ws.reservations.values()].filter((r) => r.worker_sid === k.sid);
    }
    if (status) items = items.filter((r) => r.reservation_status === status);
    const out = app.out(req, ws);
    return listReply(
      req,
      'reservations',
      items,
      (r) => reservationJson(out, r, via),
      via === 'task' ? ['ReservationStatus', 'WorkerSid'] : ['ReservationStatus'],
    );
  };
}

function fetchFor(via: 'task' | 'worker') {
  return (app: App, req: Request) => {
    const ws = app.workspace(req);
    const r = find(app, req, via);
    return ok(reservationJson(app.out(req, ws), r, via), etag(r.version));
  };
}

function updateFor(via: 'task' | 'worker') {
  return (app: App, req: Request) => {
    const ws = app.workspace(req);
    const r = find(app, req, via);
    checkIfMatch(req, r.version, r.sid);
    let status = req.body.enumValue('ReservationStatus', RESERVATION_STATUSES);
    const instruction = req.body.string('Instruction');
    if (status === undefined && instruction !== undefined) {
      const lower = instruction.toLowerCase();
      if (ACCEPTING_INSTRUCTIONS.has(lower)) status = 'accepted';
      else if (lower === 'reject') status = 'rejected';
      else if (lower !== 'supervise') {
        throw badRequest(
          `Instruction '${instruction}' is not supported; use accept, reject, conference, dequeue, call, redirect or supervise`,
        );
      }
    }
    const activity = activityParam(ws, 'WorkerActivitySid', req.body.sid('WorkerActivitySid', 'WA'));
    if (status !== undefined) {
      touchAndNow(app);
      const problem = updateReservation(app, ws, r, status, activity);
      if (problem) throw badRequest(problem);
    }
    return ok(reservationJson(app.out(req, ws), r, via), etag(r.version));
  };
}

export const reservationRoutes: Route[] = [
  { method: 'GET', template: '/v1/Workspaces/{WorkspaceSid}/Tasks/{TaskSid}/Reservations', handler: listFor('task') },
  {
    method: 'GET',
    template: '/v1/Workspaces/{WorkspaceSid}/Tasks/{TaskSid}/Reservations/{Sid}',
    handler: fetchFor('task'),
  },
  {
    method: 'POST',
    template: '/v1/Workspaces/{WorkspaceSid}/Tasks/{TaskSid}/Reservations/{Sid}',
    handler: updateFor('task'),
  },
  {
    method: 'GET',
    template: '/v1/Workspaces/{WorkspaceSid}/Workers/{WorkerSid}/Reservations',
    handler: listFor('worker'),
  },
  {
    method: 'GET',
    template: '/v1/Workspaces/{WorkspaceSid}/Workers/{WorkerSid}/Reservations/{Sid}',
    handler: fetchFor('worker'),
  },
  {
    method: 'POST',
    template: '/v1/Workspaces/{WorkspaceSid}/Workers/{WorkerSid}/Reservations/{Sid}',
    handler: updateFor('worker'),
  },
];
