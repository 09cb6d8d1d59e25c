// The react-admin data provider for our API: cursor pagination (pageInfo, no totals) and errors the forms can show.
import { HttpError, type DataProvider, type GetListParams, type RaRecord } from 'react-admin';

export type ApiError = { error?: { code?: string; message?: string; fields?: { path: string; message: string }[] } };
type Page = { items: RaRecord[]; nextCursor: string | null };

/** react-admin's provider plus the two calls outside CRUD; `useDataProvider<AmonDataProvider>()` gives them typed. */
export type AmonDataProvider = DataProvider & {
  /** Commands that are not CRUD (case moves, children, consent): one request, the answer as JSON. */
  send: <T>(method: string, path: string, body?: unknown) => Promise<T>;
  /** A file the API serves (PDF, HTML export): fetched with the sign-in, as a Blob. */
  file: (path: string) => Promise<Blob>;
};

/** What a failed request says when the server sent no message of ours (a gateway, CloudFront or the network). */
function fallbackMessage(status: number): string {
  if (status === 0) return 'Keine Verbindung zum Server. Bitte prüfen Sie die Internetverbindung und versuchen Sie es erneut.';
  if (status === 401) return 'Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich neu an.';
  if (status === 403) return 'Dafür fehlt Ihrem Konto die Berechtigung.';
  if (status === 404) return 'Nicht gefunden – vielleicht wurde es inzwischen gelöscht. Bitte laden Sie die Liste neu.';
  if (status === 409) return 'Der Datensatz wurde inzwischen geändert. Bitte laden Sie die Seite neu und versuchen Sie es erneut.';
  if (status === 413) return 'Die Daten sind zu groß. Bitte verkleinern Sie die Datei oder teilen Sie sie auf.';
  if (status === 429) return 'Zu viele Anfragen auf einmal. Bitte warten Sie einen Moment und versuchen Sie es dann erneut.';
  if (status >= 500) return 'Der Server ist gerade nicht erreichbar. Bitte versuchen Sie es in einer Minute erneut.';
  return `Die Anfrage ist fehlgeschlagen (${status}).`;
}

const API_PAGE_LIMIT = 100;

/** Lists whose filters can name a person: read with a POST body, so no name lands in a URL or an access log. */
const SEARCH_BY_BODY: Record<string, string> = { cases: '/api/cases/search' };

/** Turns our error body into react-admin's: a message plus { errors: { field: message, root: { serverError } } }. */
export function toHttpError(status: number, body: ApiError): HttpError {
  const error = body.error ?? {};
  const message = error.message ?? fallbackMessage(status);
  const errors: Record<string, unknown> = Object.fromEntries((error.fields ?? []).map((f) => [f.path || 'root.serverError', f.message]));
  if (!errors['root.serverError']) errors.root = { serverError: message };
  return new HttpError(message, status, { ...body, errors, code: error.code });
}

/** The JSON of an answer, or undefined when it is empty or not JSON (an HTML error page). */
function parseJson(text: string, contentType: string | null): unknown {
  if (!text || !contentType?.includes('json')) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function createDataProvider(apiUrl: string, token: () => Promise<string | undefined>): AmonDataProvider {
  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const bearer = await token();
    const response = await fetch(`${apiUrl}${path}`, {
      method,
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    }).catch(() => {
      throw toHttpError(0, {});
    });
    const text = await response.text();
    // A gateway or CDN may answer an error with an HTML page: its text is not ours to show.
    const json = parseJson(text, response.headers.get('content-type'));
    if (!response.ok) throw toHttpError(response.status, json ?? {});
    return json as T;
  }

  /** Cursors of pages already seen, per list (resource + filter + page size): page n+1 starts at cursors[n]. */
  const cursors = new Map<string, (string | undefined)[]>();

  const listQuery = (filter: Record<string, unknown>, limit: number, cursor: string | undefined) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(filter)) {
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
        if (value !== '') params.set(key, String(value));
      }
    }
    params.set('limit', String(limit));
    if (cursor) params.set('cursor', cursor);
    return params.toString();
  };

  /** One page of a list: a GET with the filter in the query, or a POST search for lists that name people. */
  function listPage(resource: string, filter: Record<string, unknown>, limit: number, cursor: string | undefined): Promise<Page> {
    const search = SEARCH_BY_BODY[resource];
    if (!search) return request<Page>('GET', `/api/${resource}?${listQuery(filter, limit, cursor)}`);
    const given = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== null && v !== ''));
    return request<Page>('POST', search, { ...given, limit, ...(cursor ? { cursor } : {}) });
  }

  async function getList(resource: string, params: GetListParams) {
    const { page, perPage } = params.pagination ?? { page: 1, perPage: 25 };
    const filter = (params.filter ?? {}) as Record<string, unknown>;
    // Exports ask for more than one API page: follow the cursor until enough rows are read.
    if (perPage > API_PAGE_LIMIT) {
      const data: RaRecord[] = [];
      let cursor: string | undefined;
      do {
        const result = await listPage(resource, filter, API_PAGE_LIMIT, cursor);
        data.push(...result.items);
        cursor = result.nextCursor ?? undefined;
      } while (cursor && data.length < perPage);
      return { data, pageInfo: { hasNextPage: Boolean(cursor), hasPreviousPage: false } };
    }
    const key = JSON.stringify([resource, filter, perPage]);
    const known = cursors.get(key) ?? [undefined];
    cursors.set(key, known);
    // A page whose cursor is not known yet (a reload on page 3) is reached by walking forward.
    let at = Math.min(page, known.length) - 1;
    let result = await listPage(resource, filter, perPage, known[at]);
    while (at < page - 1 && result.nextCursor) {
      known[at + 1] = result.nextCursor;
      at += 1;
      result = await listPage(resource, filter, perPage, known[at]);
    }
    if (result.nextCursor) known[at + 1] = result.nextCursor;
    return { data: result.items, pageInfo: { hasNextPage: Boolean(result.nextCursor), hasPreviousPage: at > 0 } };
  }

  /** Drops remembered cursors of a resource after a change, since its lists may have shifted. */
  const forget = (resource: string) => {
    for (const key of cursors.keys()) if (key.startsWith(`["${resource}"`)) cursors.delete(key);
  };

  return {
    /** Commands that are not CRUD (case moves, children, consent): one request, the answer as JSON. */
    send: <T>(method: string, path: string, body?: unknown) => request<T>(method, path, body),
    /** A file the API serves (PDF, HTML export): fetched with the sign-in, as a Blob. */
    file: async (path: string): Promise<Blob> => {
      const bearer = await token();
      const response = await fetch(`${apiUrl}${path}`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} }).catch(() => {
        throw toHttpError(0, {});
      });
      if (!response.ok) throw toHttpError(response.status, parseJson(await response.text(), response.headers.get('content-type')) ?? {});
      return response.blob();
    },
    getList: (resource, params) => getList(resource, params) as never,
    getOne: async (resource, { id }) => ({ data: await request('GET', `/api/${resource}/${encodeURIComponent(String(id))}`) }),
    getMany: async (resource, { ids }) =>
      ({
        data: await Promise.all(ids.map((id) => request<RaRecord>('GET', `/api/${resource}/${encodeURIComponent(String(id))}`))),
      }) as never,
    getManyReference: async (resource, params) =>
      getList(resource, { ...params, filter: { ...(params.filter as Record<string, unknown>), [params.target]: params.id } }) as never,
    create: async (resource, { data }) => {
      forget(resource);
      return { data: await request('POST', `/api/${resource}`, data) };
    },
    update: async (resource, { id, data }) => {
      forget(resource);
      return { data: await request('PUT', `/api/${resource}/${encodeURIComponent(String(id))}`, data) };
    },
    updateMany: async (resource, { ids, data }) => {
      forget(resource);
      await Promise.all(ids.map((id) => request('PUT', `/api/${resource}/${encodeURIComponent(String(id))}`, data)));
      return { data: ids };
    },
    delete: async (resource, { id, previousData }) => {
      forget(resource);
      const version = (previousData as { version?: number } | undefined)?.version;
      const query = version ? `?version=${version}` : '';
      return { data: await request('DELETE', `/api/${resource}/${encodeURIComponent(String(id))}${query}`) };
    },
    deleteMany: async (resource, { ids }) => {
      forget(resource);
      await Promise.all(ids.map((id) => request('DELETE', `/api/${resource}/${encodeURIComponent(String(id))}`)));
      return { data: ids };
    },
  };
}
