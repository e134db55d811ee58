import { adminClient } from 'better-auth/client/plugins';
import { createAuthClient } from 'better-auth/react';

/** Better Auth in the browser: sign in, sign out, the session. */
export const authClient = createAuthClient({ plugins: [adminClient()] });
