import { code, plainText } from './markdown.js';

/**
 * How the words of a review are marked up: GitHub markdown (comments, check runs) or plain text for
 * a terminal, where escapes and link syntax would only be noise. Everything from the code under
 * review goes through `code` or `text`, never straight into the output.
 */
export interface Flavour {
  /** Code-derived text as a code span (a name, a path, a snippet). */
  code(text: string): string;
  /** Prose that may carry code-derived text (a note's message). */
  text(text: string): string;
  bold(text: string): string;
  link(text: string, url: string): string;
}

export const MARKDOWN: Flavour = {
  code,
  text: plainText,
  bold: (t) => `**${t}**`,
  link: (t, url) => `[${t}](${url})`,
};

export const TERMINAL: Flavour = {
  code: (t) => `\`${t.replace(/\s*\n\s*/g, ' ')}\``,
  text: (t) => t,
  bold: (t) => t,
  link: (t) => t,
};

/** 88989 → "88,989". */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** "1 file", "2 files", "1,204 findings". */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count(n)} ${n === 1 ? singular : pluralForm}`;
}
