/**
 * Child processes the runner starts, and how it stops them: every process is started in its own process group
 * (`detached`), remembered by id, and stopped by signalling that group, so the children it spawned itself (VS Code's
 * extension host, the language server) go with it. Cleanup runs on success, failure, timeout and Ctrl-C.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

type Cleanup = () => Promise<void> | void;
let signalled = false;

/** Whether a signal is stopping the runner (its handler then sets the exit code). */
export function stoppingOnSignal(): boolean {
  return signalled;
}
const cleanups: { name: string; run: Cleanup }[] = [];

/** Registers a step for {@link runCleanups} (steps run newest first); returns a function that unregisters it. */
export function onCleanup(name: string, run: Cleanup): () => void {
  const step = { name, run };
  cleanups.push(step);
  return () => {
    const at = cleanups.indexOf(step);
    if (at >= 0) cleanups.splice(at, 1);
  };
}

/** Runs every registered cleanup step once, newest first; a failing step is reported and the others still run. */
export async function runCleanups(): Promise<void> {
  while (cleanups.length > 0) {
    const step = cleanups.pop()!;
    try {
      await step.run();
    } catch (error) {
      console.error(`cleanup: ${step.name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/**
 * On Ctrl-C or SIGTERM: stop everything that was started, then exit with the conventional code. The same on an
 * error nothing caught, so no server or browser outlives the runner.
 */
export function cleanUpOnSignals(): void {
  const crash = (error: unknown): void => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    void runCleanups().finally(() => process.exit(1));
  };
  process.once('uncaughtException', crash);
  process.once('unhandledRejection', crash);
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.once(signal, () => {
      signalled = true;
      console.error(`\n${signal}: stopping everything this run started`);
      void runCleanups().finally(() => process.exit(code));
    });
  }
}

/** Starts a process in a new process group (its pid is the group id) and arranges for it to be stopped. */
export function startGroup(name: string, command: string, args: string[], options: SpawnOptions = {}): ChildProcess {
  const child = spawn(command, args, { ...options, detached: true });
  onCleanup(`stop ${name}`, () => stopGroup(child, name));
  return child;
}

/**
 * Stops a process group started by {@link startGroup}: SIGTERM to the group, then SIGKILL to whatever of the group
 * is left after `graceMs` (or at once, when the leader exits, to the children it may have left behind).
 */
export async function stopGroup(child: ChildProcess, name: string, graceMs = 5_000): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  if (signalGroup(pid, 'SIGTERM')) {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), graceMs)));
    const late = await Promise.race([exited.then(() => false), timedOut]);
    clearTimeout(timer);
    if (late) console.error(`${name} (pid ${pid}) did not stop within ${graceMs} ms: killing it`);
  }
  signalGroup(pid, 'SIGKILL');
}

/** Signals the process group `pid`; false when no process of the group is left. */
function signalGroup(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
}

/** Whether a process with this id exists. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Runs a command to completion with its output appended to `log`; rejects with the output's tail on failure. */
export function runLogged(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; log: (chunk: string) => void },
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const unregister = onCleanup(`stop ${command}`, () => stopGroup(child, command));
    let tail = '';
    const collect = (data: Buffer): void => {
      const text = data.toString();
      options.log(text);
      tail = (tail + text).slice(-4_000);
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    child.on('error', (error) => {
      unregister();
      reject(error);
    });
    child.on('exit', (code, signal) => {
      unregister();
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} exited with ${signal ?? code}:\n${tail}`));
    });
  });
}
