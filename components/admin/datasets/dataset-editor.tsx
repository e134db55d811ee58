'use client';

import { Tabs } from 'radix-ui';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { AdminDataset } from '@/lib/datasets/service';
import { AccessTab } from './access-tab';
import { DescribeTab } from './describe-tab';
import { GeneralTab } from './general-tab';
import { SettingsTab, type Defaults } from './settings-tab';
import { TablesTab } from './tables-tab';
import { TABS, type Tab } from './tabs';


/** One dataset's admin: a tab per concern, each saving on its own; the tab is kept in the URL. */
export function DatasetEditor({ dataset, initialTab, defaults }: { dataset: AdminDataset; initialTab: Tab; defaults: Defaults }) {
  const t = useTranslations('datasets.tabs');
  const [tab, setTab] = useState<Tab>(initialTab);
  const change = (value: string) => {
    setTab(value as Tab);
    const url = new URL(window.location.href);
    url.searchParams.set('tab', value);
    window.history.replaceState(null, '', url);
  };
  return (
    <Tabs.Root value={tab} onValueChange={change} className="space-y-4">
      <Tabs.List className="flex gap-1 overflow-x-auto border-b border-border" aria-label={dataset.name}>
        {TABS.map((value) => (
          <Tabs.Trigger
            key={value}
            value={value}
            className="-mb-px border-b-2 border-transparent px-3 py-2 text-sm whitespace-nowrap text-muted-foreground hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none data-[state=active]:border-primary data-[state=active]:font-medium data-[state=active]:text-foreground"
          >
            {t(value)}
          </Tabs.Trigger>
        ))}
      </Tabs.List>
      <Tabs.Content value="general" className="focus-visible:outline-none">
        <GeneralTab dataset={dataset} />
      </Tabs.Content>
      <Tabs.Content value="tables" className="focus-visible:outline-none">
        <TablesTab datasetId={dataset.id} />
      </Tabs.Content>
      <Tabs.Content value="describe" className="focus-visible:outline-none">
        <DescribeTab dataset={dataset} />
      </Tabs.Content>
      <Tabs.Content value="settings" className="focus-visible:outline-none">
        <SettingsTab dataset={dataset} defaults={defaults} />
      </Tabs.Content>
      <Tabs.Content value="access" className="focus-visible:outline-none">
        <AccessTab datasetId={dataset.id} />
      </Tabs.Content>
    </Tabs.Root>
  );
}
