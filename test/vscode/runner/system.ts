/** What the web runner needs from the machine itself, checked up front so a missing piece is named, not guessed. */
import { spawnSync } from 'node:child_process';

/** Debian packages the runner always needs. */
export const RUNTIME_PACKAGES = ['chromium'];
/** Debian packages needed only while VS Code's native modules are built (the first run, or after a cache wipe). */
export const BUILD_PACKAGES = ['libkrb5-dev'];
/** Commands node-gyp needs to build native modules. */
export const BUILD_COMMANDS = ['make', 'g++', 'python3'];

export const CHROMIUM = '/usr/bin/chromium';

/** The packages of `names` that dpkg does not list as installed; empty on a machine without dpkg. */
export function missingPackages(names: string[]): string[] {
  const probe = spawnSync('dpkg-query', ['--version'], { stdio: 'ignore' });
  if (probe.error || probe.status !== 0) return [];
  return names.filter((name) => {
    const result = spawnSync('dpkg-query', ['-W', '-f=${db:Status-Status}', name], { encoding: 'utf8' });
    return result.status !== 0 || result.stdout.trim() !== 'installed';
  });
}

/** The commands of `names` not found on PATH. */
export function missingCommands(names: string[]): string[] {
  return names.filter((name) => spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status !== 0);
}

/** Throws an error naming every missing package and command, with the command line that installs them. */
export function requireSystem(packages: string[], commands: string[] = []): void {
  const packagesMissing = missingPackages(packages);
  const commandsMissing = missingCommands(commands);
  if (packagesMissing.length === 0 && commandsMissing.length === 0) return;
  const lines: string[] = [];
  if (packagesMissing.length > 0) {
    lines.push(`missing Debian packages: ${packagesMissing.join(', ')}`);
    lines.push(`  install them with: apt-get update && apt-get install -y ${packagesMissing.join(' ')}`);
  }
  if (commandsMissing.length > 0) {
    lines.push(`missing commands on PATH: ${commandsMissing.join(', ')} (Debian: build-essential python3)`);
  }
  throw new Error(lines.join('\n'));
}
