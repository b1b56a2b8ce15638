import type { SyntaxNode } from '../../src/engine/syntax.js';
import type { Rule } from '../../src/engine/rule.js';
import { keywordArgument, positionalArguments } from './arguments.js';
import { argumentsText, callTarget } from './call-target.js';

// Constants that pin one obsolete version. Not the flexible ones (`SSLv23_METHOD`, `PROTOCOL_SSLv23`,
// `PROTOCOL_TLS`): despite the name they negotiate the best version both sides support.
const BAD = /\b(?:PROTOCOL_SSLv2|PROTOCOL_SSLv3|PROTOCOL_TLSv1|PROTOCOL_TLSv1_1|SSLv2_METHOD|SSLv3_METHOD|TLSv1_METHOD|TLSv1_1_METHOD)$/;
const VERSION_KEYWORDS = new Set(['ssl_version', 'method', 'protocol']);
const CONTEXTS = new Set(['ssl.SSLContext', 'ssl.wrap_socket', 'OpenSSL.SSL.Context', 'pyOpenSSL.SSL.Context']);

/**
 * The flexible constant in place of the one the code pins, named as the code names it (`ssl.`,
 * `SSL.`), with the floor to set; for `ssl.wrap_socket`, gone in Python 3.12, a context instead.
 */
function modernVersion(text: string, wrapSocket: boolean): string {
  const dot = text.lastIndexOf('.');
  const prefix = dot > 0 ? text.slice(0, dot + 1) : '';
  if (text.endsWith('_METHOD'))
    return `Use \`${prefix || 'SSL.'}TLS_METHOD\` and call \`set_min_proto_version(${prefix || 'SSL.'}TLS1_2_VERSION)\` on the context.`;
  const ssl = prefix || 'ssl.';
  if (wrapSocket)
    return `Make a context with \`${ssl}create_default_context()\` (TLS 1.2 or later) and call its \`wrap_socket\`; \`${ssl}wrap_socket\` is gone in Python 3.12.`;
  return `Use \`${ssl}PROTOCOL_TLS_CLIENT\` (\`PROTOCOL_TLS_SERVER\` in a server) and set the context's \`minimum_version\` to \`${ssl}TLSVersion.TLSv1_2\`.`;
}

// Necessary text: a file without it has nothing for this rule, and its calls need not be read.
const FILE_HINT = /PROTOCOL_(?:SSL|TLSv1)|(?:SSLv2|SSLv3|TLSv1|TLSv1_1)_METHOD/;

/** SSLv2/SSLv3/TLS 1.0/TLS 1.1 protocol constants handed to an SSL API or used as defaults. */
export const insecureTlsVersion: Rule = {
  id: 'insecure-tls-version',
  category: 'security',
  title: 'Obsolete SSL/TLS protocol version',
  severity: 'high',
  confidence: 'high',
  cwe: 327,
  codes: ['B502', 'B503', 'S502', 'S503'],
  partialCodes: ['B502', 'B503', 'S502', 'S503'],
  doc: {
    what: 'SSLv2, SSLv3, TLS 1.0 or TLS 1.1 constants (`ssl.PROTOCOL_TLSv1`, `SSL.SSLv3_METHOD`…) passed to an SSL API or used as a default argument.',
    why: 'These protocol versions have practical attacks (POODLE, BEAST, downgrade) and are disabled by current servers and browsers.',
    example: 'ctx = ssl.SSLContext(ssl.PROTOCOL_TLSv1)',
    useInstead: 'ctx = ssl.create_default_context()',
    fix: 'Use `ssl.create_default_context()` (or `ssl.PROTOCOL_TLS_CLIENT`) and, if needed, `ctx.minimum_version = ssl.TLSVersion.TLSv1_2`.',
  },
  create(ctx) {
    if (!FILE_HINT.test(ctx.file.source)) return {};
    const check = (node: SyntaxNode, value: SyntaxNode | null | undefined, code: string, wrapSocket = false): void => {
      if (!value || !BAD.test(value.text)) return;
      const text = value.text.replace(/\s+/g, '');
      const constant = text.split('.').at(-1)!;
      ctx.report({
        node,
        message: `\`${constant}\` selects an obsolete, attackable protocol version; use TLS 1.2 or later.`,
        subject: constant,
        code,
        ...(/^[\w.]+$/.test(text) ? { suggestion: modernVersion(text, wrapSocket) } : {}),
      });
    };
    return {
      call(node) {
        if (!/PROTOCOL_|_METHOD/.test(argumentsText(ctx, node))) return;
        const q = callTarget(ctx, node).qualifiedName;
        for (const name of VERSION_KEYWORDS) {
          const value = keywordArgument(node, name);
          if (value) return check(node, value, 'B502', q === 'ssl.wrap_socket');
        }
        if (q && CONTEXTS.has(q)) check(node, positionalArguments(node)[q === 'ssl.wrap_socket' ? 5 : 0], 'B502', q === 'ssl.wrap_socket');
      },
      default_parameter(node) {
        if (/PROTOCOL_|_METHOD/.test(node.text)) check(node, node.childForFieldName('value'), 'B503');
      },
    };
  },
};
