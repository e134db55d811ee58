import type { TestEnvironment } from '../helpers/environment';

/**
 * Who may do what: for each route handler (`METHOD /path`), page, layout and server action of
 * the app, the exact outcome for each actor. tests/authorization-matrix.test.ts finds them all on
 * disk and fails when one has no entry here.
 *
 * Actors: anonymous; `owner`, the analyst who owns the conversations; `other`, a second analyst
 * (every id they send belongs to the owner: these are IDOR attempts); an admin; and the second
 * analyst holding a share link that is live, revoked or expired.
 */
export type Actor = 'anonymous' | 'owner' | 'other' | 'admin' | 'viewer' | 'viewerRevoked' | 'viewerExpired';

/** A status for route handlers; for pages and layouts 'ok', 'not-found' or `redirect <path>`; for actions 'refused'. */
export type Outcome = number | 'ok' | 'not-found' | 'forbidden' | 'refused' | `redirect ${string}`;

export type Fixtures = {
  env: () => TestEnvironment;
  /** The owner's conversation, with an answered question and its query run. */
  conversation: { id: string; queryRunId: string };
  /** A new conversation of the owner, for actions that destroy what they act on. */
  freshConversation: () => Promise<{ id: string; queryRunId: string }>;
  /** Tokens of links to the owner's conversation. */
  tokens: { live: string; revoked: string; expired: string; anyone: string };
  freshShare: () => Promise<string>;
  /** A new analyst, for admin actions that change or remove a user. */
  freshUser: () => Promise<string>;
  /** A new dataset on the sample warehouse (a load target too), for admin actions that change or remove one. */
  freshDataset: () => Promise<string>;
};

type Input = { path?: string; params?: Record<string, string>; searchParams?: Record<string, string>; body?: unknown; args?: unknown[] };
type Context = { actor: Actor; token: string; cookie: string };
type Spec = { input: (f: Fixtures, context: Context) => Input | Promise<Input>; expect: Partial<Record<Actor, Outcome>> };

const none = () => ({});
/** The four signed-in-or-not actors, in the order anonymous, owner, other analyst, admin. */
const who = (anonymous: Outcome, owner: Outcome, other: Outcome, admin: Outcome): Spec['expect'] => ({ anonymous, owner, other, admin });
const everyone = (outcome: Outcome) => who(outcome, outcome, outcome, outcome);
const signedIn = (outcome: Outcome) => who(401, outcome, outcome, outcome);
/** Admin-only APIs: 401 signed out, 403 for analysts. */
const adminApi = (outcome: Outcome) => who(401, 403, 403, outcome);
/** Pages of the signed-in: the sign-in page for the anonymous. */
const signedInPage = who('redirect /sign-in', 'ok', 'ok', 'ok');
/** Admin pages: sign-in for the anonymous, the 404 page for analysts. */
const adminPage = who('redirect /sign-in', 'not-found', 'not-found', 'ok');
/** The owner's resources: another analyst gets the 404 of a missing one. */
const ownerOnly = (ok: Outcome) => who(401, ok, 404, ok);

const conversationParams = (f: Fixtures) => ({ params: { id: f.conversation.id } });

const datasetParams = async (f: Fixtures) => ({ params: { id: await f.freshDataset() } });

/** A load of a two-line CSV into a new table: the plan as the first line, then the file. */
function csvLoad() {
  const file = 'city,visits\nOslo,3\n';
  const table = `loaded_${crypto.randomUUID().slice(0, 8)}`;
  const plan = { table, delimiter: ',', bytes: Buffer.byteLength(file), filename: 'visits.csv', columns: [{ header: 'city', name: 'city', type: 'text' }, { header: 'visits', name: 'visits', type: 'integer' }] };
  return `${JSON.stringify(plan)}\n${file}`;
}

function setupForm() {
  const form = new FormData();
  for (const [k, v] of Object.entries({ name: 'Intruder', email: 'intruder@test.local', password: 'long enough password' })) form.set(k, v);
  return form;
}

export const matrix: Record<string, Record<string, Spec>> = {
  'GET /api/health': { default: { input: none, expect: everyone(200) } },
  'GET /api/auth/[...all]': { default: { input: () => ({ path: '/api/auth/get-session' }), expect: everyone(200) } },
  'POST /api/auth/[...all]': {
    default: { input: (f) => ({ path: '/api/auth/sign-in/email', body: { email: f.env().users.analyst.email, password: 'not the password' } }), expect: everyone(401) },
    'public sign-up is closed': { input: () => ({ path: '/api/auth/sign-up/email', body: { email: `new-${crypto.randomUUID()}@test.local`, password: 'long enough password', name: 'New' } }), expect: everyone(400) },
  },

  'POST /api/chat': {
    default: {
      input: (f) => ({ body: { conversationId: f.conversation.id, datasetId: f.env().datasetId, message: { id: crypto.randomUUID(), role: 'user', parts: [{ type: 'text', text: 'And now?' }] } } }),
      expect: ownerOnly(200),
    },
  },
  'GET /api/chat/[id]/stream': { default: { input: conversationParams, expect: ownerOnly(204) } },
  'DELETE /api/chat/[id]/stream': { default: { input: conversationParams, expect: ownerOnly(204) } },

  'GET /api/conversations': { default: { input: none, expect: signedIn(200) } },
  'PATCH /api/conversations/[id]': { default: { input: (f) => ({ ...conversationParams(f), body: { title: 'Renamed' } }), expect: ownerOnly(200) } },
  'DELETE /api/conversations/[id]': { default: { input: async (f) => ({ params: { id: (await f.freshConversation()).id } }), expect: ownerOnly(204) } },
  'GET /api/conversations/[id]/shares': { default: { input: conversationParams, expect: ownerOnly(200) } },
  'POST /api/conversations/[id]/shares': { default: { input: (f) => ({ ...conversationParams(f), body: { access: 'signed-in', expiresInDays: 7 } }), expect: ownerOnly(201) } },

  'POST /api/queries': { default: { input: (f) => ({ body: { conversationId: f.conversation.id, sql: 'SELECT 1 AS one', params: [] } }), expect: ownerOnly(200) } },
  'GET /api/queries/[id]/csv': { default: { input: (f) => ({ params: { id: f.conversation.queryRunId } }), expect: ownerOnly(200) } },

  'GET /api/shares': { default: { input: none, expect: signedIn(200) } },
  'DELETE /api/shares/[id]': { default: { input: async (f) => ({ params: { id: await f.freshShare() } }), expect: ownerOnly(204) } },
  'POST /api/shares/continue': {
    default: { input: (_f, { token }) => ({ body: { token } }), expect: { ...signedIn(201), viewer: 201, viewerRevoked: 404, viewerExpired: 404 } },
  },

  'LAYOUT /': { default: { input: none, expect: everyone('ok') } },
  'PAGE /': { default: { input: none, expect: signedInPage } },
  'PAGE /c/[id]': { default: { input: conversationParams, expect: who('redirect /sign-in', 'ok', 'not-found', 'ok') } },
  'PAGE /account': { default: { input: none, expect: signedInPage } },
  'PAGE /shares': { default: { input: none, expect: signedInPage } },
  'PAGE /sign-in': { default: { input: none, expect: who('ok', 'redirect /', 'redirect /', 'redirect /') } },
  'PAGE /setup': { default: { input: none, expect: everyone('redirect /sign-in') } },
  'ACTION /setup#createFirstAdmin': { default: { input: () => ({ args: [{}, setupForm()] }), expect: everyone('refused') } },
  'PAGE /share/[token]': {
    default: {
      input: (_f, { token }) => ({ params: { token } }),
      expect: { ...who('redirect /sign-in?next=%2Fshare%2F<token>', 'ok', 'ok', 'ok'), viewer: 'ok', viewerRevoked: 'not-found', viewerExpired: 'not-found' },
    },
    'anyone with the link': { input: (f) => ({ params: { token: f.tokens.anyone } }), expect: everyone('ok') },
    'forged token': { input: () => ({ params: { token: 'A'.repeat(22) } }), expect: everyone('not-found') },
  },

  'LAYOUT /admin': { default: { input: none, expect: adminPage } },
  'PAGE /admin': { default: { input: none, expect: who('redirect /sign-in', 'not-found', 'not-found', 'redirect /admin/users') } },
  'PAGE /admin/shares': { default: { input: none, expect: adminPage } },

  'PAGE /admin/users': { default: { input: none, expect: adminPage } },
  'PAGE /admin/users/[id]': { default: { input: (f) => ({ params: { id: f.env().users.other.id } }), expect: adminPage } },
  'PAGE /admin/audit': { default: { input: none, expect: adminPage } },
  'GET /api/admin/users': { default: { input: none, expect: adminApi(200) } },
  'POST /api/admin/users': {
    default: { input: () => ({ body: { email: `made-${crypto.randomUUID()}@test.local`, name: 'Made', role: 'analyst', password: 'long enough password' } }), expect: adminApi(201) },
  },
  'GET /api/admin/users/[id]': { default: { input: (f) => ({ params: { id: f.env().users.other.id } }), expect: adminApi(200) } },
  'PATCH /api/admin/users/[id]': { default: { input: async (f) => ({ params: { id: await f.freshUser() }, body: { role: 'admin' } }), expect: adminApi(200) } },
  'DELETE /api/admin/users/[id]': { default: { input: async (f) => ({ params: { id: await f.freshUser() } }), expect: adminApi(204) } },
  'POST /api/admin/users/[id]/password': { default: { input: async (f) => ({ params: { id: await f.freshUser() }, body: {} }), expect: adminApi(200) } },
  'PUT /api/admin/users/[id]/grants': { default: { input: async (f) => ({ params: { id: await f.freshUser() }, body: { datasetIds: [f.env().datasetId] } }), expect: adminApi(200) } },
  'PUT /api/admin/users/[id]/limits': {
    default: { input: async (f) => ({ params: { id: await f.freshUser() }, body: { dailyQuestions: 10, dailyQueries: null, dailyTokens: null } }), expect: adminApi(200) },
  },

  'PAGE /admin/datasets': { default: { input: none, expect: adminPage } },
  'PAGE /admin/datasets/new': { default: { input: none, expect: adminPage } },
  'PAGE /admin/datasets/[id]': { default: { input: (f) => ({ params: { id: f.env().datasetId }, searchParams: { tab: 'settings' } }), expect: adminPage } },
  'PAGE /admin/datasets/[id]/load': { default: { input: (f) => ({ params: { id: f.env().datasetId } }), expect: adminPage } },
  'PAGE /admin/models': { default: { input: none, expect: adminPage } },
  'GET /api/admin/datasets': { default: { input: none, expect: adminApi(200) } },
  'POST /api/admin/datasets': {
    default: { input: (f) => ({ body: { name: 'Another', slug: `another-${crypto.randomUUID().slice(0, 8)}`, connection: f.env().readerUrl } }), expect: adminApi(201) },
  },
  'POST /api/admin/datasets/test': { default: { input: (f) => ({ body: { connection: f.env().readerUrl } }), expect: adminApi(200) } },
  'GET /api/admin/datasets/[id]': { default: { input: (f) => ({ params: { id: f.env().datasetId } }), expect: adminApi(200) } },
  'PATCH /api/admin/datasets/[id]': { default: { input: async (f) => ({ ...(await datasetParams(f)), body: { description: 'Changed' } }), expect: adminApi(200) } },
  'DELETE /api/admin/datasets/[id]': { default: { input: datasetParams, expect: adminApi(204) } },
  'GET /api/admin/datasets/[id]/tables': { default: { input: (f) => ({ params: { id: f.env().datasetId } }), expect: adminApi(200) } },
  'PUT /api/admin/datasets/[id]/tables': { default: { input: async (f) => ({ ...(await datasetParams(f)), body: { tables: ['public.orders'] } }), expect: adminApi(200) } },
  'POST /api/admin/datasets/[id]/refresh': { default: { input: datasetParams, expect: adminApi(200) } },
  'GET /api/admin/datasets/[id]/describe': { default: { input: (f) => ({ params: { id: f.env().datasetId } }), expect: adminApi(200) } },
  'PUT /api/admin/datasets/[id]/describe': {
    default: { input: async (f) => ({ ...(await datasetParams(f)), body: { descriptions: {}, glossary: [], examples: [], starterQuestions: ['How many orders?'] } }), expect: adminApi(200) },
  },
  'PUT /api/admin/datasets/[id]/samples': { default: { input: async (f) => ({ ...(await datasetParams(f)), body: { columns: [] } }), expect: adminApi(200) } },
  'PUT /api/admin/datasets/[id]/settings': {
    default: {
      input: async (f) => ({ ...(await datasetParams(f)), body: { rowLimit: 100, statementTimeoutMs: null, exportRowLimit: null, allowedFunctions: [], model: null, shareRowsWithModel: true } }),
      expect: adminApi(200),
    },
  },
  'GET /api/admin/datasets/[id]/grants': { default: { input: (f) => ({ params: { id: f.env().datasetId } }), expect: adminApi(200) } },
  'PUT /api/admin/datasets/[id]/grants': { default: { input: async (f) => ({ ...(await datasetParams(f)), body: { userIds: [f.env().users.other.id] } }), expect: adminApi(200) } },
  'POST /api/admin/datasets/[id]/csv/preview': {
    default: { input: (f) => ({ path: '/api/admin/datasets/x/csv/preview?filename=visits.csv&size=20', params: { id: f.env().datasetId }, body: 'city,visits\nOslo,3\n' }), expect: adminApi(200) },
  },
  'POST /api/admin/datasets/[id]/csv/load': { default: { input: async (f) => ({ ...(await datasetParams(f)), body: csvLoad() }), expect: adminApi(200) } },
  'GET /api/admin/models': { default: { input: none, expect: adminApi(200) } },
  'POST /api/admin/models/test': { default: { input: () => ({ body: { spec: 'local' } }), expect: adminApi(200) } },
};

export { adminApi, adminPage };
