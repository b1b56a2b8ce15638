import type { Report, Rule } from '../../src/engine/rule.js';
import { keywordArgument, mentions, textOf } from './arguments.js';
import { callTarget } from './call-target.js';
import { guardingParameter, inTestCode } from './intent.js';

const HTTP_CALLS = new Set(['get', 'options', 'head', 'post', 'put', 'patch', 'delete', 'request', 'stream', 'Client', 'AsyncClient', 'urlopen']);
const UNVERIFIED = new Set(['ssl._create_unverified_context']);
/** What to pass instead of verify=False, in the words of the library the code calls. */
const VERIFY_ADVICE: Record<string, string> = {
  requests: 'keep verification on, and for a private CA pass its bundle: `verify="/path/to/ca.pem"`',
  httpx: 'keep verification on, and for a private CA pass a context that trusts it: `verify=ssl.create_default_context(cafile="/path/to/ca.pem")`',
  '': "keep verification on, and for a private CA give the client that CA's bundle instead of False",
};

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
    what: '`ssl._create_unverified_context()`, `requests`/`httpx` calls with `verify=False`, `cert_reqs=ssl.CERT_NONE`, or a context whose `verify_mode` is set to `CERT_NONE`. Where the caller asked for it (`if not verify:` on a parameter) or in test code it is a low advisory note, not a defect.',
    why: 'Without certificate checks anyone on the network path can impersonate the server and read or change the traffic.',
    example: 'requests.get(url, verify=False)',
    useInstead: 'requests.get(url, verify="/etc/ssl/private-ca.pem")',
    fix: "Keep verification on; to trust a private CA, give the client that CA's bundle (a CA file path, or a context made by `ssl.create_default_context(cafile=...)`) instead of turning checks off.",
  },
  create(ctx) {
    if (!FILE_HINT.test(ctx.file.source)) return {};
    // An opt-out the caller asked for (`if not verify:`) or test code: a note, not a defect.
    const report = (report: Report): void => {
      const node = report.node!;
      const parameter = guardingParameter(ctx, node);
      const advisory = parameter
        ? `This runs only when the caller's \`${parameter}\` asks for it, an explicit opt-out.`
        : inTestCode(ctx)
          ? 'Test code, which turns verification off against its own test servers.'
          : undefined;
      ctx.report(advisory ? { ...report, advisory, severity: 'low' } : report);
    };
    return {
      call(node) {
        const target = callTarget(ctx, node);
        if (target.qualifiedName && UNVERIFIED.has(target.qualifiedName)) {
          report({
            node,
            message: `\`${target.qualifiedName}\` makes a context that accepts any certificate; for a private CA use \`ssl.create_default_context(cafile=...)\`.`,
            subject: target.qualifiedName,
            code: 'B323',
            severity: 'medium',
          });
          return;
        }
        if (mentions(ctx, node, 'verify') && HTTP_CALLS.has(target.name) && keywordArgument(node, 'verify')?.type === 'false') {
          const library = /^(requests|httpx)\b/.exec(target.qualifiedName ?? '')?.[1];
          report({
            node,
            message: `\`${target.qualifiedName ?? target.name}\` with verify=False accepts any certificate; ${VERIFY_ADVICE[library ?? ''] ?? VERIFY_ADVICE['']}.`,
            subject: 'verify=False',
            code: 'B501',
            confidence: library ? 'high' : 'medium',
          });
          return;
        }
        if (mentions(ctx, node, 'CERT_NONE') && /\bCERT_NONE$/.test(keywordArgument(node, 'cert_reqs')?.text ?? '')) {
          report({
            node,
            message: 'cert_reqs=CERT_NONE accepts any certificate; require one (`cert_reqs=ssl.CERT_REQUIRED`) and name the CA bundle in `ca_certs=`.',
            subject: 'CERT_NONE',
            code: 'B501',
            severity: 'medium',
          });
        }
      },
      assignment(node) {
        if (!textOf(node).includes('CERT_NONE')) return;
        const left = node.childForFieldName('left');
        const attr = left?.type === 'attribute' ? left.childForFieldName('attribute')?.text : undefined;
        if (attr === 'verify_mode' && /\bCERT_NONE$/.test(node.childForFieldName('right')?.text ?? '')) {
          report({
            node,
            message:
              'Setting `verify_mode` to CERT_NONE turns certificate checks off; keep CERT_REQUIRED and trust a private CA with `load_verify_locations(cafile=...)`.',
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
