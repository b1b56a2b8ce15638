import { CATEGORIES } from '../../engine/finding.js';
import type { Rule } from '../../engine/rule.js';
import { CATEGORY_TEXT } from './category-text.js';
import { code, fenced } from './markdown.js';

/** The README's rule reference, from the rules' own docs (written once, in the rule). */
export function renderRuleReference(rules: readonly Rule[]): string {
  const lines = [
    '## Rule reference',
    '',
    "Generated from each rule's own documentation by `npm run docs:rules`; edit the rule, not this section.",
    'Turn a rule off with `rules: { <id>: off }` in the config, or a whole category with `categories: { <category>: false }`;',
    'silence one line with `# noqa: <id or code>` (or `# nosec` for security rules).',
    '',
    '| Rule | Category | Severity | Codes | Title |',
    '| --- | --- | --- | --- | --- |',
  ];
  const ordered = CATEGORIES.flatMap((c) => rules.filter((r) => r.category === c));
  for (const r of ordered) {
    const codes = r.codes.length ? r.codes.join(', ') : '—';
    lines.push(`| [${code(r.id)}](#${anchor(r.id)}) | ${r.category} | ${r.severity}${r.optIn ? ' (opt-in)' : ''} | ${codes} | ${escapeCell(r.title)} |`);
  }
  for (const category of CATEGORIES) {
    const inCategory = ordered.filter((r) => r.category === category);
    if (!inCategory.length) continue;
    lines.push('', `### ${category} — ${CATEGORY_TEXT[category].noun}`);
    for (const r of inCategory) {
      const facts = [
        `severity ${r.severity}`,
        r.cwe !== undefined ? `CWE-${r.cwe}` : undefined,
        r.codes.length ? `codes ${r.codes.join(', ')}` : undefined,
        r.optIn ? 'opt-in' : undefined,
      ];
      lines.push(
        '',
        `#### ${r.id}`,
        '',
        `**${r.title}** (${facts.filter(Boolean).join(' · ')})`,
        '',
        `- What: ${r.doc.what}`,
        `- Why: ${r.doc.why}`,
        `- Fix: ${r.doc.fix}`,
        '',
        fenced(r.doc.example, 'python'),
      );
    }
  }
  return lines.join('\n');
}

/** GitHub's heading anchors: lower case, spaces to dashes, most punctuation dropped. */
function anchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^a-z0-9 _-]/g, '')
    .replace(/ /g, '-');
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** Replaces what lies between `<!-- section:NAME -->` and `<!-- /section:NAME -->`, markers kept. */
export function replaceSection(document: string, name: string, body: string): string {
  const open = `<!-- section:${name} -->`;
  const close = `<!-- /section:${name} -->`;
  const start = document.indexOf(open);
  const end = document.indexOf(close);
  if (start === -1 || end === -1 || end < start) throw new Error(`README has no ${open} … ${close} section`);
  return `${document.slice(0, start + open.length)}\n${body.trim()}\n${document.slice(end)}`;
}
