import { describe, expect, it } from 'vitest';

describe('the runtime', () => {
  it('npm scripts run on the pinned Node 24, not the machine Node', () => {
    expect(process.versions.node.split('.')[0]).toBe('24');
  });
});
