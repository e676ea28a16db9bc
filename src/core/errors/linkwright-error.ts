/**
 * Every failure Linkwright reports carries a stable string code and a class that decides policy
 * (DESIGN §3): `retryable` failures are tried again with backoff, `permanent` ones are recorded and
 * not retried, `validation` errors name the input and position, `config` errors name the setting,
 * `blocked` means a bot challenge answered (never evaded, reported to the user).
 */
export type ErrorClass = 'retryable' | 'permanent' | 'validation' | 'config' | 'blocked';

/** Stable error codes. Add new codes here; never rename one (they are part of the JSON output). */
export const ERROR_CODES = {
  // fetch: transport and caps
  FETCH_TIMEOUT: 'retryable',
  FETCH_NETWORK: 'retryable',
  FETCH_HTTP_RETRYABLE: 'retryable',
  FETCH_HTTP_STATUS: 'permanent',
  BODY_TOO_LARGE: 'permanent',
  DECOMPRESSION_LIMIT: 'permanent',
  REDIRECT_LIMIT: 'permanent',
  REDIRECT_SCHEME: 'permanent',
  UNSUPPORTED_SCHEME: 'validation',
  SSRF_BLOCKED: 'permanent',
  DNS_FAILURE: 'retryable',
  ROBOTS_DISALLOWED: 'permanent',
  ROBOTS_UNREACHABLE: 'retryable',
  CRAWL_DELAY_TOO_LONG: 'permanent',
  MEDIUM_BLOCKED: 'blocked',
  CHALLENGE_BLOCKED: 'blocked',
  // input
  INVALID_URL: 'validation',
  INVALID_INPUT: 'validation',
  INPUT_NOT_FOUND: 'validation',
  HTML_PARSE_LIMIT: 'validation',
  // configuration and storage
  CONFIG_INVALID: 'config',
  STORE_ERROR: 'permanent',
  // medium readers (src/core/medium): GraphQL `post: null` and the like
  MEDIUM_POST_NOT_FOUND: 'permanent',
  // outreach drafts (src/core/outreach/pitch-templates.ts): a merge value not given, a field the template
  // engine does not know, a malformed tag — each names the field(s) and line(s)
  TEMPLATE_FIELD_MISSING: 'validation',
  TEMPLATE_FIELD_UNKNOWN: 'validation',
  TEMPLATE_SYNTAX: 'validation',
  // outreach integration (src/app): a prospect reference (id or @username) that matches nobody, and a stage
  // move the pipeline state machine refuses (details: from, to, reasons as message ids + params, forcible)
  PROSPECT_NOT_FOUND: 'validation',
  STAGE_TRANSITION_REFUSED: 'validation',
} as const satisfies Record<string, ErrorClass>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Where in an input a validation error happened (file, URL, line, column, byte offset). */
export interface InputPosition {
  input?: string;
  line?: number;
  column?: number;
  offset?: number;
}

export interface LinkwrightErrorOptions {
  cause?: unknown;
  /** For retryable errors: how long the server asked us to wait (Retry-After), in ms. */
  retryAfterMs?: number;
  /** The URL the error is about, when there is one. */
  url?: string;
  position?: InputPosition;
  /** Extra structured facts (status code, cap, hop count …). */
  details?: Record<string, unknown>;
}

export class LinkwrightError extends Error {
  override readonly name = 'LinkwrightError';
  readonly code: ErrorCode;
  readonly errorClass: ErrorClass;
  readonly retryAfterMs: number | undefined;
  readonly url: string | undefined;
  readonly position: InputPosition | undefined;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, options: LinkwrightErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.errorClass = ERROR_CODES[code];
    this.retryAfterMs = options.retryAfterMs;
    this.url = options.url;
    this.position = options.position;
    this.details = options.details ?? {};
  }

  get retryable(): boolean {
    return this.errorClass === 'retryable';
  }

  /** Plain JSON form used in `--json` output and stored error columns. */
  toJSON(): { code: ErrorCode; errorClass: ErrorClass; message: string; url?: string; position?: InputPosition; retryAfterMs?: number; details?: Record<string, unknown> } {
    return {
      code: this.code,
      errorClass: this.errorClass,
      message: this.message,
      ...(this.url === undefined ? {} : { url: this.url }),
      ...(this.position === undefined ? {} : { position: this.position }),
      ...(this.retryAfterMs === undefined ? {} : { retryAfterMs: this.retryAfterMs }),
      ...(Object.keys(this.details).length === 0 ? {} : { details: this.details }),
    };
  }
}

export function isLinkwrightError(value: unknown): value is LinkwrightError {
  return value instanceof LinkwrightError;
}
