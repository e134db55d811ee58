export const TABS = ['general', 'tables', 'describe', 'settings', 'access'] as const;
export type Tab = (typeof TABS)[number];
