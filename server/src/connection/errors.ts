/** How the server words an exception in its log: one entry with the stack, never the request's data. */
export function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
}
