/** Small markdown helpers for the renderers: code spans that survive any content, plurals. */

/** An inline code span that stays one span whatever backticks the text holds (CommonMark's rule). */
export function code(text: string): string {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  let fence = '`';
  while (flat.includes(fence)) fence += '`';
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A fenced block whose fence is longer than any backtick run inside it. */
export function fenced(text: string, info = ''): string {
  let fence = '```';
  while (text.includes(fence)) fence += '`';
  return `${fence}${info}\n${text}\n${fence}`;
}

export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : pluralForm}`;
}

/** Shortens a one-line text to `max` characters, marking the cut. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "a", "a and b", "a, b and c". */
export function listing(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * Text with names from the pull request in it (file names in notes): outside our own code spans,
 * markdown syntax is escaped and `@` is kept from mentioning anyone, so a crafted file name
 * cannot format or notify.
 */
export function plainText(text: string): string {
  return text
    .split(/(`[^`\n]*`)/)
    .map((part, i) => (i % 2 ? part : part.replace(/[\\*_[\]<>#|~]/g, (c) => `\\${c}`).replace(/@/g, '@\u200b')))
    .join('');
}
