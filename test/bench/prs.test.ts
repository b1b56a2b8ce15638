import { labelOf, type Label } from '../../bench/prs/labels.js';
import { postedReview } from '../../bench/prs/review.js';

const COMMIT = '5b73b980d0f022de2855480f57c9d5f04a7a4712';

function label(overrides: Partial<Label>): Label {
  return { commit: '5b73b980', path: 'placement/util.py', rule: 'missing-argument-annotation', verdict: 'noise', why: 'test label', ...overrides };
}

const item = {
  path: 'placement/util.py',
  rule: 'missing-argument-annotation',
  code: 'ANN001',
  subject: '_generate',
  snippet: 'def _generate(index: int, current_product):',
};

describe('labelOf: keys that survive engine changes, never the line', () => {
  const cases: Array<{ name: string; labels: Label[]; item?: typeof item; commit?: string; want: string | undefined }> = [
    { name: 'subject and snippet', labels: [label({ subject: '_generate', snippet: item.snippet, why: 'both' })], want: 'both' },
    {
      name: 'whitespace in the snippet does not matter',
      labels: [label({ snippet: 'def  _generate(index: int,   current_product):', why: 'ws' })],
      want: 'ws',
    },
    {
      name: 'a renamed rule still matches by its code',
      labels: [label({ rule: 'old-name', code: 'ANN001', subject: '_generate', why: 'code' })],
      want: 'code',
    },
    {
      name: 'the most specific label wins',
      labels: [label({ subject: '_generate', why: 'subject' }), label({ subject: '_generate', snippet: item.snippet, why: 'both' })],
      want: 'both',
    },
    {
      name: 'a new subject on the same line still matches by the snippet',
      labels: [label({ subject: 'old', snippet: item.snippet, why: 'snippet' })],
      want: 'snippet',
    },
    {
      name: 'a moved def still matches by the subject',
      labels: [label({ subject: '_generate', snippet: 'def _generate(index, current_product):', why: 'subject' })],
      want: 'subject',
    },
    { name: 'neither subject nor snippet agrees', labels: [label({ subject: 'other', snippet: 'def other():' })], want: undefined },
    { name: 'another subject is another finding', labels: [label({ subject: 'filtered_product' })], want: undefined },
    { name: 'another snippet is another finding', labels: [label({ snippet: 'def _generate(index, current_product):' })], want: undefined },
    { name: 'another rule and code', labels: [label({ rule: 'missing-return-annotation', code: 'ANN202', subject: '_generate' })], want: undefined },
    { name: 'another path', labels: [label({ path: 'placement/lib.py', subject: '_generate' })], want: undefined },
    { name: 'another commit', labels: [label({ subject: '_generate' })], commit: 'f20e13f0b233753a1b7f1899d24ad03d0d801b68', want: undefined },
  ];
  it.each(cases)('$name', ({ labels, commit, want }) => {
    expect(labelOf(item, commit ?? COMMIT, labels)?.why).toBe(want);
  });
});

const finding = (path: string, rule: string, fingerprint: string) => ({
  path,
  line: 3,
  rule,
  category: 'type-hints',
  severity: 'info',
  message: `${rule} here`,
  snippet: 'def f(x):',
  fingerprint,
});

describe('postedReview: the one adapter from the CLI JSON', () => {
  it('treats every finding as an inline candidate when the CLI has no review plan', () => {
    const posted = postedReview({ findings: [finding('a.py', 'r1', 'f1'), finding('b.py', 'r2', 'f2')], summary: { securityDefects: 1 } }, 1);
    expect(posted.inline.map((f) => f.fingerprint)).toEqual(['f1', 'f2']);
    expect(posted.summary).toEqual([]);
    expect(posted).toMatchObject({ planned: false, securityDefects: 1, verdict: 'defects', exitStatus: 1 });
  });

  it.each([
    { name: 'inline given as findings', inline: [finding('a.py', 'r1', 'f1')] },
    { name: 'inline given as fingerprints', inline: ['f1'] },
  ])('splits the plan into inline and summary items ($name)', ({ inline }) => {
    const json = { findings: [finding('a.py', 'r1', 'f1'), finding('b.py', 'r2', 'f2')], inline, verdict: { conclusion: 'success', securityDefects: 0 } };
    const posted = postedReview(json, 0);
    expect(posted.inline.map((f) => f.fingerprint)).toEqual(['f1']);
    expect(posted.summary.map((f) => f.fingerprint)).toEqual(['f2']);
    expect(posted).toMatchObject({ planned: true, securityDefects: 0, verdict: 'success' });
  });

  it('rejects output that is not the CLI JSON', () => {
    expect(() => postedReview({ findings: [{ path: 'a.py' }] }, 0)).toThrow();
  });
});
