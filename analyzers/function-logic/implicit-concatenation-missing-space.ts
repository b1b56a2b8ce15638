import type { SyntaxNode } from '../../src/engine/syntax.js';
import type { Rule } from '../../src/engine/rule.js';

/** The prefix of a string literal (`rb`, `f`, ''), lower case. */
function prefixOf(part: SyntaxNode): string {
  return /^[A-Za-z]*/.exec(part.child(0)?.text ?? '')![0].toLowerCase();
}

/** The literal text of a string part, its interpolations and escapes left out. */
function contentOf(part: SyntaxNode): string {
  return part.namedChildren
    .filter((c) => c.type === 'string_content')
    .map((c) => c.text)
    .join('');
}

/** Text at the edge of a part: the literal text touching the junction, or undefined when an interpolation or escape touches it. */
function edgeText(part: SyntaxNode, side: 'end' | 'start'): string | undefined {
  const inner = part.namedChildren.filter((c) => c.type !== 'string_start' && c.type !== 'string_end');
  const edge = side === 'end' ? inner.at(-1) : inner[0];
  return edge?.type === 'string_content' ? edge.text : undefined;
}

// The token formed across the junction, when it is a word of prose; not a URL, path, identifier, markup or blob.
const PROSE_TOKEN = /^[A-Za-z0-9.,;:!?'"()-]{2,30}$/;

/**
 * Where two literals on different lines join words without a space: `"the quick brown"` +
 * `"fox jumps"` → "brownfox". Only prose is judged: at least one of the parts has a space, the two
 * pieces touching the junction are letters or digits on the left and a letter on the right (or a
 * sentence end and a capital), and the token they form is a plain word.
 */
function missingSpace(left: SyntaxNode, right: SyntaxNode): string | undefined {
  if (right.startPosition.row <= left.endPosition.row) return undefined;
  if (/[rb]/.test(prefixOf(left)) || /[rb]/.test(prefixOf(right))) return undefined;
  const end = edgeText(left, 'end');
  const start = edgeText(right, 'start');
  if (!end || !start) return undefined;
  const words = /[A-Za-z0-9]$/.test(end) && /^[A-Za-z]/.test(start);
  // "… since 0.28." + "Use …": a sentence ends and the next begins. Not `package.module.` + `Class`.
  const lastWord = /\S*$/.exec(end)?.[0] ?? '';
  const sentences = /^(?:[A-Za-z'"()`-]+|[0-9][0-9.]*)[.!?]$/.test(lastWord) && /^[A-Z][a-z]/.test(start);
  if (!words && !sentences) return undefined;
  if (!/ /.test(contentOf(left)) && !/ /.test(contentOf(right))) return undefined;
  const token = (/\S*$/.exec(end)?.[0] ?? '') + (/^\S*/.exec(start)?.[0] ?? '');
  // `"aaaaaaaaa"` `"aaaa"`: filler or data wrapped at the margin, not two words.
  return PROSE_TOKEN.test(token) && !/(\w)\1\1/.test(token) ? token : undefined;
}

/** Implicitly concatenated string literals on different lines that run two words together. */
export const implicitConcatenationMissingSpace: Rule = {
  id: 'implicit-concatenation-missing-space',
  category: 'function-logic',
  title: 'Adjacent string literals join words without a space',
  severity: 'low',
  // No Python linter has this check (ISC001–ISC003 are about style); Dart's missing_whitespace_between_adjacent_strings and CodeQL's js/missing-space-in-concatenation are the models.
  codes: [],
  doc: {
    what: 'String literals split over several lines and concatenated implicitly, where the end of one line and the start of the next run two words together (`"the quick brown"` `"fox"` → "brownfox"). Raw and bytes literals, interpolations and escapes at the junction, URLs, paths and identifiers are left alone.',
    why: 'Python joins adjacent literals exactly as written, so the missing space reaches the user: a message with words glued together, or SQL such as `"... FROM users" "WHERE id = ?"` that no longer parses.',
    example: 'raise ValueError(\n    "The timeout must be a positive"\n    "number of seconds"\n)',
    useInstead: 'raise ValueError(\n    "The timeout must be a positive "\n    "number of seconds"\n)',
    fix: 'Add the space at the end of the first literal (or the start of the next).',
  },
  create(ctx) {
    return {
      concatenated_string(node) {
        const parts = node.namedChildren.filter((c) => c.type === 'string');
        for (let i = 0; i + 1 < parts.length; i++) {
          const token = missingSpace(parts[i]!, parts[i + 1]!);
          if (!token) continue;
          // Two literals in a list or tuple may be two items that lost their comma.
          const inDisplay = parts.length === 2 && (node.parent?.type === 'list' || node.parent?.type === 'tuple' || node.parent?.type === 'set');
          ctx.report({
            node: parts[i]!,
            message: `These literals join into "${token}" with no space between the words; add a space at the end of this line's string${inDisplay ? ', or the comma that should separate two items' : ''}.`,
            subject: token,
          });
          return;
        }
      },
    };
  },
};
