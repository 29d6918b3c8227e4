// Checks of what the user types, before anything is sent. Each returns a message saying what is
// wrong, or undefined. Pure: no `vscode` import.

export function friendlyNameProblem(value: string, max = 64): string | undefined {
  if (value.trim() === '') {
    return 'Enter a name.';
  }
  if (value.length > max) {
    return `At most ${max} characters (this is ${value.length}).`;
  }
  return undefined;
}

/** Attributes of a worker or task: a JSON object of at most 4096 characters. */
export function attributesProblem(value: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch (error) {
    return `Not valid JSON: ${(error as Error).message}`;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return 'Attributes must be a JSON object, like {"skills": ["support"]}.';
  }
  if (value.length > 4096) {
    return `At most 4096 characters (this is ${value.length}).`;
  }
  return undefined;
}

export function integerProblem(value: string, min: number, max: number): string | undefined {
  if (!/^-?\d+$/.test(value.trim())) {
    return `Enter a whole number from ${min} to ${max}.`;
  }
  const n = Number(value.trim());
  if (n < min || n > max) {
    return `Enter a whole number from ${min} to ${max}.`;
  }
  return undefined;
}

/** A task channel's unique name: letters, digits, `-` and `_` (e.g. `voice`, `chat`). */
export function uniqueNameProblem(value: string): string | undefined {
  if (value.trim() === '') {
    return 'Enter a unique name, like "chat".';
  }
  if (!/^[A-Za-z0-9_-]+$/.test(value)) {
    return 'Use letters, digits, "-" and "_" only.';
  }
  if (value.length > 64) {
    return `At most 64 characters (this is ${value.length}).`;
  }
  return undefined;
}
