import type { Rule } from '../../src/engine/rule.js';
import { keywordArgument, mentions, textOf } from './arguments.js';
import { callTarget } from './call-target.js';

const HTTP_CALLS = new Set(['get', 'options', 'head', 'post', 'put', 'patch', 'delete', 'request', 'stream', 'Client', 'AsyncClient', 'urlopen']);
const UNVERIFIED = new Set(['ssl._create_unverified_context']);

// Necessary text: a file without it has nothing for this rule, and its calls need not be read.
const FILE_HINT = /verify\s*=\s*False|CERT_NONE|_create_unverified_context/;

/** Certificate checks turned off: unverified SSL contexts, verify=False, CERT_NONE. */
export const tlsVerificationDisabled: Rule = {
  id: 'tls-verification-disabled',
  category: 'security',
  title: 'TLS certificate verification disabled',
  severity: 'high',
  confidence: 'high',
  cwe: 295,
  codes: ['B501', 'B323', 'S501', 'S323'],
  doc: {
    what: '`ssl._create_unverified_context()`, `requests`/`httpx` calls with `verify=False`, `cert_reqs=ssl.CERT_NONE`, or a context whose `verify_mode` is set to `CERT_NONE` (outside tests).',
    why: 'Without certificate checks anyone on the network path can impersonate the server and read or change the traffic.',
    example: 'requests.get(url, verify=False)',
    useInstead: 'requests.get(url, verify="/etc/ssl/private-ca.pem")',
    fix: 'Keep verification on; for a private CA pass its bundle: `requests.get(url, verify="/etc/ssl/private-ca.pem")` or `ssl.create_default_context(cafile=...)`.',
  },
  create(ctx) {
    if (!FILE_HINT.test(ctx.file.source)) return {};
    return {
      call(node) {
        const target = callTarget(ctx, node);
        if (target.qualifiedName && UNVERIFIED.has(target.qualifiedName)) {
          ctx.report({
            node,
            message: `\`${target.qualifiedName}\` makes a context that accepts any certificate.`,
            subject: target.qualifiedName,
            code: 'B323',
            severity: 'medium',
          });
          return;
        }
        if (mentions(ctx, node, 'verify') && HTTP_CALLS.has(target.name) && keywordArgument(node, 'verify')?.type === 'false') {
          const known = /^(?:requests|httpx)\b/.test(target.qualifiedName ?? '');
          ctx.report({
            node,
            message: `\`${target.qualifiedName ?? target.name}\` with verify=False accepts any certificate.`,
            subject: 'verify=False',
            code: 'B501',
            confidence: known ? 'high' : 'medium',
          });
          return;
        }
        if (mentions(ctx, node, 'CERT_NONE') && /\bCERT_NONE$/.test(keywordArgument(node, 'cert_reqs')?.text ?? '')) {
          ctx.report({ node, message: 'cert_reqs=CERT_NONE accepts any certificate.', subject: 'CERT_NONE', code: 'B501', severity: 'medium' });
        }
      },
      assignment(node) {
        // Tests turn verification off on purpose, against their own self-signed servers.
        if (ctx.file.isTestFile || !textOf(node).includes('CERT_NONE')) return;
        const left = node.childForFieldName('left');
        const attr = left?.type === 'attribute' ? left.childForFieldName('attribute')?.text : undefined;
        if (attr === 'verify_mode' && /\bCERT_NONE$/.test(node.childForFieldName('right')?.text ?? '')) {
          ctx.report({
            node,
            message: 'Setting `verify_mode` to CERT_NONE turns certificate checks off.',
            subject: attr,
            code: 'B501',
            severity: 'medium',
            confidence: 'medium',
          });
        }
      },
    };
  },
};
