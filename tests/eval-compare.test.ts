import { describe, expect, it } from 'vitest';
import { resultsMatch } from '@/lib/eval/compare';
import { buildReport, summaryLine } from '@/lib/eval/report';
import type { Outcome } from '@/lib/eval/run';
import { parseSet } from '@/lib/eval/set';

describe('execution match', () => {
  it('compares rows as multisets, ignoring column names and order, numbers within a small tolerance', () => {
    expect(resultsMatch([['Europe', 10.5], ['Asia', 3]], [['Asia', '3.00'], ['Europe', 10.504]])).toBe(true);
    expect(resultsMatch([['Europe', 10.5]], [['Europe', 10.7]])).toBe(false);
    expect(resultsMatch([['a', 1], ['a', 1]], [['a', 1], ['b', 1]])).toBe(false);
  });

  it('finds the gold columns among the predicted ones in any position, extra predicted columns allowed', () => {
    expect(resultsMatch([['Europe', 10]], [[10, 'Europe']])).toBe(true);
    expect(resultsMatch([['Europe', 10]], [[7, 'Europe', 10]])).toBe(true);
    expect(resultsMatch([['Europe', 10, 3]], [['Europe', 10]])).toBe(false);
  });

  it('keeps row order when it matters', () => {
    expect(resultsMatch([['a', 2], ['b', 1]], [['b', 1], ['a', 2]], true)).toBe(false);
    expect(resultsMatch([['a', 2], ['b', 1]], [['a', 2], ['b', 1]], true)).toBe(true);
  });

  it('treats a date and a midnight timestamp as the same day, and empty results as equal', () => {
    expect(resultsMatch([[new Date('2025-03-01T00:00:00Z'), 4]], [['2025-03-01', 4]])).toBe(true);
    expect(resultsMatch([], [])).toBe(true);
  });
});

describe('question sets', () => {
  const line = (o: object) => JSON.stringify({ dataset: 'sample', expect: 'answer', gold_sql: 'SELECT 1', ...o });

  it('reads one item per line, with its language', () => {
    const items = parseSet([line({ id: 'a', question: 'How many orders?' }), '', line({ id: 'b', question: '有多少订单？', followup_of: 'a' })].join('\n'));
    expect(items.map((i) => [i.id, i.lang])).toEqual([['a', 'en'], ['b', 'zh']]);
  });

  it('says which line is wrong', () => {
    expect(() => parseSet(line({ id: 'a', question: 'q', followup_of: 'z' }), 'x.jsonl')).toThrow(/x.jsonl:1: followup_of "z"/);
    expect(() => parseSet(line({ id: 'a', question: 'q', expect: 'abstain' }), 'x.jsonl')).toThrow(/x.jsonl:1: .*gold_sql/);
    expect(() => parseSet('{oops', 'x.jsonl')).toThrow(/x.jsonl:1: not valid JSON/);
  });

  it('reports per class and language, with a one-line summary', () => {
    const outcome = (verdict: Outcome['verdict'], lang: 'en' | 'zh', cls: string): Outcome => ({
      id: `${verdict}${lang}${cls}`, dataset: 'sample', question: 'q', lang, class: cls, expect: 'answer', verdict, answer: '', latencyMs: 5, tokens: { input: 0, output: 0 },
    });
    const report = buildReport('local', ['s.jsonl'], new Date(0), [outcome('correct', 'en', 'count'), outcome('wrong', 'zh', 'count'), outcome('abstained', 'zh', 'share')]);
    expect(report.byLang.zh).toMatchObject({ total: 2, wrong: 1, abstained: 1 });
    expect(report.byClass.count).toMatchObject({ total: 2, correct: 1, wrong: 1 });
    expect(summaryLine(report)).toBe('eval local: 3 items, 1 correct (33.3%), 1 wrong (33.3%), 1 abstained, 0 errors; p95 5 ms');
  });
});
