/** Small markdown helpers for the renderers: code spans that survive any content, plurals. */

/**
 * Everything that comes from the code under review (identifiers, literals, paths, file names,
 * messages that quote them) reaches our markdown through `code` (shown as code) or `plainText`
 * (shown as prose): nothing in it can mention, link, embed an image or HTML, open a fence, or
 * forge one of our hidden markers. GitHub does not link mentions, references or URLs inside code.
 */

/** An inline code span that stays one span whatever backticks or line breaks the text holds (CommonMark's rule). */
export function code(text: string): string {
  const flat = hideMarkers(oneLine(text));
  let fence = '`';
  while (flat.includes(fence)) fence += '`';
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/**
 * Every line ending (CR, LF, CRLF) as one space: a span or a line of prose that contained one
 * could start a new block (a fence, an HTML block) on the next line.
 */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]\s*/g, ' ');
}

/** `<!--` broken by an invisible space, so that no text of ours but our own markers holds one. */
function hideMarkers(text: string): string {
  return text.replace(/<!--/g, '<\u200b!--');
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

/** A title or sentence to go mid-sentence: "Function is too complex" → "function is too complex"; an acronym ("TLS …") stays. */
export function uncapitalise(text: string): string {
  return /^[A-Z]{2}/.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1);
}

/** "a", "a and b", "a, b and c". */
export function listing(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * Prose that holds text from the code (a finding's message, a note naming a file): its own code
 * spans are kept, paired as CommonMark pairs backtick runs and written again with `code`; an
 * unpaired backtick is escaped; outside the spans every markdown character is escaped, and
 * mentions, issue references and autolinks are broken by an invisible space. The result renders
 * as the text reads, whatever the text holds.
 */
export function plainText(text: string): string {
  const flat = oneLine(text);
  let out = '';
  let i = 0;
  while (i < flat.length) {
    const tick = flat.indexOf('`', i);
    if (tick === -1) {
      out += escapeProse(flat.slice(i), i === 0);
      break;
    }
    out += escapeProse(flat.slice(i, tick), i === 0);
    const run = backtickRun(flat, tick);
    const close = closingRun(flat, tick + run, run);
    if (close === -1) {
      out += '\\`'.repeat(run);
      i = tick + run;
      continue;
    }
    let content = flat.slice(tick + run, close);
    // CommonMark strips one space from each side of a span that has both (and is not all spaces).
    if (content.length > 1 && content.startsWith(' ') && content.endsWith(' ') && content.trim()) content = content.slice(1, -1);
    out += code(content);
    i = close + run;
  }
  return out;
}

function backtickRun(text: string, at: number): number {
  let end = at;
  while (text[end] === '`') end++;
  return end - at;
}

/** Where the next run of exactly `length` backticks starts, or -1. */
function closingRun(text: string, from: number, length: number): number {
  for (let i = text.indexOf('`', from); i !== -1;) {
    const run = backtickRun(text, i);
    if (run === length) return i;
    i = text.indexOf('`', i + run);
  }
  return -1;
}

/** Markdown characters escaped; `@`, `#123`, `://` and `www.` broken so that GitHub links nothing. */
function escapeProse(text: string, atStart: boolean): string {
  const escaped = text
    .replace(/[\\*_[\]<>#|~&$]/g, (c) => `\\${c}`)
    .replace(/@/g, '@\u200b')
    .replace(/#(?=[0-9])/g, '#\u200b')
    .replace(/:\/\//g, ':\u200b//')
    .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}\u200b.`);
  // At the start of a line a list marker or a numbered item would nest a list.
  return atStart
    ? escaped.replace(/^(\s*)([-+]|\d+[.)])(?=\s|$)/, (_m, space: string, marker: string) => `${space}${marker.replace(/[-+.)]/, (c) => `\\${c}`)}`)
    : escaped;
}
