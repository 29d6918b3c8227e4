/** Errors answered with Twilio's legacy body `{code, message, more_info, status}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  toBody(): { code: number; message: string; more_info: string; status: number } {
    return {
      code: this.code,
      message: this.message,
      more_info: `https://www.twilio.com/docs/errors/${this.code}`,
      status: this.status,
    };
  }
}

/** 400 / 20001: a bad parameter or a rule TaskRouter enforces. */
export function badRequest(message: string): ApiError {
  return new ApiError(400, 20001, message);
}

export function missingParam(name: string): ApiError {
  return badRequest(`Missing required parameter ${name} in the post body`);
}

export function notFound(path: string): ApiError {
  return new ApiError(404, 20404, `The requested resource ${path} was not found`);
}

export function unauthorized(): ApiError {
  return new ApiError(401, 20003, 'Authenticate', { 'WWW-Authenticate': 'Basic realm="Twilio API"' });
}

export function methodNotAllowed(method: string, path: string): ApiError {
  return new ApiError(405, 20004, `Method ${method} not allowed on ${path}`);
}

export function preconditionFailed(sid: string): ApiError {
  return new ApiError(412, 20412, `The If-Match header does not match the current ETag of ${sid}`);
}

export function tooManyRequests(): ApiError {
  return new ApiError(429, 20429, 'Too Many Requests');
}
