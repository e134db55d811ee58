import { describe, expect, it } from 'vitest';
import { localPath } from '@/lib/http';

describe('localPath: where sign-in may send the user back to', () => {
  it.each([
    ['/share/abc', '/share/abc'],
    ['/c/123?x=1', '/c/123?x=1'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
    ['https://evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['', '/'],
    [undefined, '/'],
    [['/a', '/b'], '/'],
  ])('%j -> %s', (input, expected) => {
    expect(localPath(input)).toBe(expected);
  });
});
