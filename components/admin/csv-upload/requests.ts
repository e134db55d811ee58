import type { CsvProblem } from '@/lib/warehouse/csv/errors';
import { SAMPLE_BYTES, type CsvPreview, type LoadPlan } from '@/lib/warehouse/csv/plan';

export type LoadSummary = { schema: string; table: string; rows: number; bytes: number; ms: number };

/** Why a request failed: a problem the page words itself, or the server's sentence. */
export type Failure = { kind: 'problem'; problem: CsvProblem } | { kind: 'network' | 'forbidden' | 'cancelled' } | { kind: 'server'; message: string };

export type Outcome<T> = { ok: true; data: T } | { ok: false; failure: Failure };

function failureOf(status: number, body: { error?: string; problem?: CsvProblem }): Failure {
  if (body.problem) return { kind: 'problem', problem: body.problem };
  if (status === 401 || status === 403) return { kind: 'forbidden' };
  return { kind: 'server', message: body.error ?? `HTTP ${status}` };
}

const base = (datasetId: string) => `/api/admin/datasets/${datasetId}/csv`;

/** Sends only the start of the file: the server infers types from it. */
export async function previewFile(datasetId: string, file: File, signal: AbortSignal): Promise<Outcome<CsvPreview>> {
  const query = new URLSearchParams({ filename: file.name, size: String(file.size) });
  let response: Response;
  try {
    response = await fetch(`${base(datasetId)}/preview?${query}`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: file.slice(0, SAMPLE_BYTES), signal });
  } catch {
    return { ok: false, failure: { kind: signal.aborted ? 'cancelled' : 'network' } };
  }
  const body = (await response.json().catch(() => ({}))) as CsvPreview & { error?: string; problem?: CsvProblem };
  return response.ok ? { ok: true, data: body } : { ok: false, failure: failureOf(response.status, body) };
}

/**
 * Uploads the plan line and then the file itself, which the browser streams from disk.
 * XMLHttpRequest, because fetch cannot report upload progress.
 */
export function loadFile(
  datasetId: string,
  plan: LoadPlan,
  file: File,
  { onProgress, signal }: { onProgress: (sent: number) => void; signal: AbortSignal },
): Promise<Outcome<LoadSummary>> {
  const planLine = new Blob([`${JSON.stringify(plan)}\n`]);
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${base(datasetId)}/load`);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.responseType = 'json';
    xhr.upload.onprogress = (event) => onProgress(Math.max(0, Math.min(file.size, event.loaded - planLine.size)));
    xhr.onload = () => {
      const body = (xhr.response ?? {}) as LoadSummary & { error?: string; problem?: CsvProblem };
      resolve(xhr.status === 200 ? { ok: true, data: body } : { ok: false, failure: failureOf(xhr.status, body) });
    };
    xhr.onerror = () => resolve({ ok: false, failure: { kind: 'network' } });
    xhr.onabort = () => resolve({ ok: false, failure: { kind: 'cancelled' } });
    signal.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(new Blob([planLine, file]));
  });
}
