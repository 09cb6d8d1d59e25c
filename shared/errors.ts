// Domain errors: domain code throws these, one middleware maps them to HTTP status and body.

export type FieldError = { path: string; message: string };

/** The base of every error the API answers with a 4xx or 503. `code` is a stable English identifier, `message` is German. */
export abstract class DomainError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
  readonly fields: FieldError[];
  constructor(message: string, fields: FieldError[] = []) {
    super(message);
    this.name = new.target.name;
    this.fields = fields;
  }
}

export class Invalid extends DomainError {
  readonly status = 400;
  readonly code = 'invalid';
  constructor(fields: FieldError[], message = 'Die Eingaben sind ungültig.') {
    super(message, fields);
  }
}

export class Unauthorized extends DomainError {
  readonly status = 401;
  readonly code = 'unauthorized';
  constructor(message = 'Bitte melden Sie sich an.') {
    super(message);
  }
}

export class Forbidden extends DomainError {
  readonly status = 403;
  readonly code = 'forbidden';
  constructor(message = 'Für diese Aktion fehlt Ihnen die Berechtigung.') {
    super(message);
  }
}

export class NotFound extends DomainError {
  readonly status = 404;
  readonly code = 'not_found';
  constructor(message = 'Der Datensatz wurde nicht gefunden.') {
    super(message);
  }
}

export class Conflict extends DomainError {
  readonly status = 409;
  readonly code: string;
  constructor(message: string, code = 'conflict', fields: FieldError[] = []) {
    super(message, fields);
    this.code = code;
  }
}

/** Another change was saved first: the client must reload and try again. */
export class StaleVersion extends Conflict {
  constructor() {
    super('Der Datensatz wurde inzwischen von jemand anderem geändert. Bitte neu laden.', 'version_conflict', [
      { path: 'version', message: 'veraltete Version' },
    ]);
  }
}

export class TooLarge extends DomainError {
  readonly status = 413;
  readonly code = 'too_large';
  constructor(limitBytes: number) {
    super(`Die Anfrage ist zu groß (höchstens ${Math.round(limitBytes / 1024)} KB).`, [{ path: 'body', message: `höchstens ${limitBytes} Bytes` }]);
  }
}

export class RateLimited extends DomainError {
  readonly status = 429;
  readonly code = 'rate_limited';
  constructor(message = 'Zu viele Anfragen. Bitte warten Sie einen Moment.') {
    super(message);
  }
}

export class Unavailable extends DomainError {
  readonly status = 503;
  readonly code = 'unavailable';
  constructor(message = 'Der Dienst ist vorübergehend nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.') {
    super(message);
  }
}
