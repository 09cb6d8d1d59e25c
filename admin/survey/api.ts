// The form's three calls; the token goes in the Authorization header, never into a URL.
import type { SurveyForm } from '#shared/surveys/schema.ts';

export type ApiError = { status: number; message: string; fields: { path: string; message: string }[] };
export type Result = { ok: true; form: SurveyForm } | { ok: false; error: ApiError };

async function request(token: string, method: 'GET' | 'PUT' | 'POST', path: string, answers?: unknown): Promise<Result> {
  try {
    const res = await fetch(`/api/survey${path}`, {
      method,
      headers: { authorization: `Survey ${token}`, ...(answers ? { 'content-type': 'application/json' } : {}) },
      body: answers ? JSON.stringify({ answers }) : undefined,
      cache: 'no-store',
      credentials: 'omit',
    });
    const body = (await res.json().catch(() => ({}))) as { error?: { message?: string; fields?: ApiError['fields'] } };
    if (res.ok) return { ok: true, form: body as SurveyForm };
    return { ok: false, error: { status: res.status, message: body.error?.message ?? '', fields: body.error?.fields ?? [] } };
  } catch {
    return { ok: false, error: { status: 0, message: '', fields: [] } };
  }
}

export const loadForm = (token: string) => request(token, 'GET', '');
export const saveDraft = (token: string, answers: unknown) => request(token, 'PUT', '/draft', answers);
export const submitAnswers = (token: string, answers: unknown) => request(token, 'POST', '/response', answers);
