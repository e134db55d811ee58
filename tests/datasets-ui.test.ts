import { NextIntlClientProvider } from 'next-intl';
import { createElement, type ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { ConnectionReport } from '@/lib/warehouse/check';
import type { AdminDataset } from '@/lib/datasets/service';
import en from '@/messages/en.json';
import enAdmin from '@/messages/en/admin.json';
import enDatasets from '@/messages/en/datasets.json';
import zh from '@/messages/zh.json';
import zhAdmin from '@/messages/zh/admin.json';
import zhDatasets from '@/messages/zh/datasets.json';

vi.mock('next/navigation', () => ({ useRouter: () => ({ push: () => {}, refresh: () => {}, replace: () => {} }), usePathname: () => '/admin/datasets' }));

const { ConnectionReportView } = await import('@/components/admin/datasets/connection-report');
const { CreateDatasetForm } = await import('@/components/admin/datasets/create-dataset-form');
const { DatasetEditor } = await import('@/components/admin/datasets/dataset-editor');
const { DatasetList } = await import('@/components/admin/datasets/dataset-list');
const { ModelsPanel } = await import('@/components/admin/models/models-panel');

const messages = { en: { ...en, admin: enAdmin, datasets: enDatasets }, zh: { ...zh, admin: zhAdmin, datasets: zhDatasets } };

/** Renders on the server; a missing message fails the test instead of showing its key. */
function render(element: ReactElement, locale: 'en' | 'zh' = 'en') {
  return renderToString(
    createElement(NextIntlClientProvider, {
      locale,
      messages: messages[locale],
      timeZone: 'UTC',
      onError: (error) => {
        throw error;
      },
      children: element,
    }),
  );
}

const report = (over: Partial<ConnectionReport> = {}): ConnectionReport => ({
  role: 'reader',
  superuser: false,
  writableTables: [],
  creatableSchemas: [],
  dangerousRoles: [],
  remoteAccess: [],
  securityDefinerFunctions: [],
  settings: { readOnlyByDefault: true, statementTimeout: '30s', tempFileLimit: '256MB' },
  problems: [],
  warnings: [],
  ...over,
});

const dataset: AdminDataset = {
  id: '00000000-0000-4000-8000-000000000001',
  slug: 'chinook',
  name: 'Chinook',
  description: 'A music store',
  connection: 'reader:****@127.0.0.1:5432/chinook',
  loadConnection: 'loader:****@127.0.0.1:5432/chinook',
  loadTarget: true,
  schemas: ['public'],
  allowedFunctions: [],
  allowSystemCatalogs: false,
  starterQuestions: [],
  isDefault: false,
  enabled: true,
  tables: ['public.album'],
  descriptions: {},
  glossary: [],
  examples: [],
  sampledValues: {},
  catalogSnapshot: null,
  rowLimit: null,
  statementTimeoutMs: null,
  exportRowLimit: null,
  model: null,
  shareRowsWithModel: true,
  createdAt: new Date(0),
  updatedAt: new Date(0),
};

describe('dataset admin UI (server render, both languages)', () => {
  it.each(['en', 'zh'] as const)('the connection report shows each layer and refuses a superuser (%s)', (locale) => {
    const ok = render(createElement(ConnectionReportView, { test: { ok: true, serverVersion: '18.1', latencyMs: 4, schemas: ['public'], tableCount: 11, report: report() } }), locale);
    expect(ok).toContain('18.1');
    expect(ok).toContain(locale === 'en' ? 'This role is safe to use.' : '该角色可以安全使用。');
    const refused = render(
      createElement(ConnectionReportView, {
        test: { ok: true, serverVersion: '18.1', latencyMs: 4, schemas: ['public'], tableCount: 11, report: report({ superuser: true, problems: ['Role postgres is a superuser.'] }) },
      }),
      locale,
    );
    expect(refused).toContain('Role postgres is a superuser.');
    expect(render(createElement(ConnectionReportView, { test: { ok: false, error: 'Nothing is listening.' } }), locale)).toContain('Nothing is listening.');
  });

  it.each(['en', 'zh'] as const)('the list, the create form, every tab of the editor and the models page render (%s)', (locale) => {
    const list = render(createElement(DatasetList, { datasets: [{ id: dataset.id, slug: 'chinook', name: 'Chinook', description: '', enabled: false, isDefault: false, tables: null, updatedAt: new Date(0), grants: 2 }] }), locale);
    expect(list).toContain('Chinook');
    expect(render(createElement(DatasetList, { datasets: [] }), locale)).toContain(locale === 'en' ? 'No datasets yet' : '还没有数据集');
    expect(render(createElement(CreateDatasetForm), locale)).toContain('connection-input');
    const defaults = { rowLimit: 10_000, statementTimeoutMs: 15_000, exportRowLimit: 10_000_000, model: 'local' };
    for (const initialTab of ['general', 'tables', 'describe', 'settings', 'access'] as const) {
      const html = render(createElement(DatasetEditor, { dataset, initialTab, defaults }), locale);
      expect(html, initialTab).toContain('role="tablist"');
    }
    const general = render(createElement(DatasetEditor, { dataset, initialTab: 'general', defaults }), locale);
    expect(general).toContain('reader:****@127.0.0.1:5432/chinook');
    const models = render(
      createElement(ModelsPanel, {
        current: 'compatible:qwen',
        providers: [
          { kind: 'local', configured: true, baseURL: null, exampleSpec: 'local' },
          { kind: 'openai', configured: false, baseURL: null, exampleSpec: null },
          { kind: 'compatible', configured: true, baseURL: 'http://127.0.0.1:11434/v1', exampleSpec: null },
        ],
        server: { ok: true, models: ['qwen'] },
      }),
      locale,
    );
    expect(models).toContain('compatible:qwen');
  });
});
