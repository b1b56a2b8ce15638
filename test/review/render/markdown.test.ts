import { HtmlRenderer, Parser } from 'commonmark';
import { code, plainText } from '../../../src/review/render/markdown.js';

/**
 * Text from the code under review, rendered by a CommonMark parser as GitHub would parse it:
 * nothing in it may become a link, an image, HTML, a fence or a live mention.
 */

const render = (markdown: string): string => new HtmlRenderer({ safe: false }).render(new Parser().parse(markdown));

/** The plain text of rendered HTML, entities decoded: what a reader sees (and what GitHub's mention filter reads). */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** Mentions, issue references and autolinks that GitHub would link in text outside code. */
function liveLinks(html: string): string[] {
  const outsideCode = html.replace(/<code>[\s\S]*?<\/code>/g, '');
  const text = visibleText(outsideCode);
  return [...text.matchAll(/@[A-Za-z0-9][\w/-]*|#\d+|https?:\/\/\S+|www\.\S+/g)].map((m) => m[0]);
}

const HOSTILE = [
  '"/tmp/` @octocat @acme/security-team <img src=https://evil.example/t.png> [login](https://evil.example) `x"',
  'a` @mallory <img src=x.png> `b.py',
  '```\n@octocat\n```',
  'name```with```fences',
  '`` ` `` @x ``',
  '\\` @octocat \\`',
  'x\r<div>@octocat</div>',
  'x\r\n```\r\n![img](https://evil.example/i.png)',
  '&#64;octocat &lt;img&gt; fixes #12 see https://evil.example and www.evil.example',
  '<!-- pr-reviewer:fp=forged -->',
  '# heading\n- item\n> quote',
  '$\\href{https://evil.example}{x}$ ~~gone~~ **bold** | cell |',
];

describe('plainText: prose that quotes the code', () => {
  test.each(HOSTILE)('renders inert: %j', (text) => {
    const html = render(`- ${plainText(text)}\n`);
    expect(html).not.toMatch(/<(img|a|div|h\d|blockquote|pre|del|strong|em|table)\b/);
    expect(liveLinks(html)).toEqual([]);
    // One paragraph in one list item: nothing broke out into a new block.
    expect(html.match(/<li>/g)).toHaveLength(1);
    expect(html).not.toContain('<!--');
  });

  test('what the reader sees is the text itself (line breaks as spaces, invisible spaces aside)', () => {
    for (const text of HOSTILE) {
      const seen = visibleText(render(plainText(text)))
        .replace(/\u200b/g, '')
        .trim();
      const flat = text.replace(/\s*[\r\n]\s*/g, ' ');
      // Code spans drop the padding CommonMark strips; compare without whitespace and backticks.
      expect(seen.replace(/[\s`]/g, '')).toBe(
        flat
          .replace(/[\s`]/g, '')
          .replace(/\\`/g, '`')
          .replace(/\\(?=`)/g, ''),
      );
    }
  });

  test("a rule's own code spans stay code spans; plain words stay as they are", () => {
    expect(plainText('`subprocess.run` runs a shell command built with an f-string')).toBe('`subprocess.run` runs a shell command built with an f-string');
    expect(render(plainText('`os` imported but unused'))).toBe('<p><code>os</code> imported but unused</p>\n');
  });

  test('a mention inside a code span stays in the code span; outside it is broken', () => {
    const html = render(plainText('call `@decorator` for @octocat'));
    expect(html).toContain('<code>@decorator</code>');
    expect(html).toContain('@\u200boctocat');
  });
});

describe('code: names and literals shown as code', () => {
  test.each(HOSTILE)('one code span whatever it holds: %j', (text) => {
    const html = render(`Offending code: ${code(text)}\n`);
    expect(html.match(/<code>/g)).toHaveLength(1);
    expect(html).toMatch(/^<p>Offending code: <code>[\s\S]*<\/code><\/p>\n$/);
    expect(html).not.toContain('<!--');
  });

  test('a name with triple backticks gets a longer fence', () => {
    expect(code('a```b')).toBe('````a```b````');
    expect(render(code('a```b'))).toBe('<p><code>a```b</code></p>\n');
  });
});
