/**
 * The TaskRouter REST client (pure: no editor imports). Everything the extension, the library and the tests use
 * from client/src/api is exported here.
 */
export {
  TaskRouterClient,
  DEFAULT_BASE_URL,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_USER_AGENT,
  type TaskRouterClientOptions,
  type RawRequest,
  type RawResponse,
} from './client';
export type { Collection, ConditionalRequestOptions, ReadOnlyCollection, ReadUpdateCollection } from './collection';
export {
  AuthenticationError,
  ConflictError,
  NetworkError,
  RequestAbortedError,
  TaskRouterClientError,
  TimeoutError,
  TwilioApiError,
  parseErrorBody,
  type ApiErrorBody,
} from './errors';
export {
  credentialKind,
  type FetchInit,
  type FetchLike,
  type FetchResponseLike,
  type HeadersLike,
  type HttpMethod,
  type RequestLogEvent,
  type RequestOptions,
} from './http';
export { MAX_PAGE_SIZE, type ListParams, type Page, type PagingParams } from './paging';
export { pascalCase } from './params';
export type * from './requests';
export type * from './resources';
export { camelCase, parseAttributes, parseDate, toResource } from './resources';
export { backoffDelay, defaultSleep, parseRetryAfter, type RetryOptions } from './retry';
export { StatisticsApi } from './statistics';
