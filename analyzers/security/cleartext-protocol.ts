import type { Rule } from '../../src/engine/rule.js';
import { callTarget } from './call-target.js';

/** Qualified call → [Bandit code, protocol]. FTP_TLS is the encrypted variant and is left alone. */
function cleartext(q: string): [string, string] | undefined {
  if (q.startsWith('telnetlib.')) return ['B312', 'Telnet'];
  if (q.startsWith('ftplib.') && q !== 'ftplib.FTP_TLS' && q !== 'ftplib.error_perm' && !q.startsWith('ftplib.FTP_TLS.')) return ['B321', 'FTP'];
  return undefined;
}

// Necessary text: a file without it has nothing for this rule, and its calls need not be read.
const FILE_HINT = /telnetlib|ftplib/;

/** Telnet and FTP: credentials and data cross the network in clear text. */
export const cleartextProtocol: Rule = {
  id: 'cleartext-protocol',
  category: 'security',
  title: 'Clear-text protocol (Telnet, FTP)',
  severity: 'medium',
  confidence: 'high',
  cwe: 319,
  codes: ['B312', 'B321', 'S312', 'S321'],
  doc: {
    what: 'Calls into `telnetlib` or `ftplib` (other than `FTP_TLS`).',
    why: 'Telnet and FTP send passwords and data unencrypted: anyone on the network path can read or change them.',
    example: 'ftp = ftplib.FTP("files.example.com")',
    useInstead: 'ftp = ftplib.FTP_TLS("files.example.com")',
    fix: 'Use SSH (paramiko, `asyncssh`) or SFTP instead of Telnet/FTP, or at least `ftplib.FTP_TLS`.',
  },
  create(ctx) {
    if (!FILE_HINT.test(ctx.file.source)) return {};
    return {
      call(node) {
        const q = callTarget(ctx, node).qualifiedName;
        const found = q ? cleartext(q) : undefined;
        if (!found) return;
        ctx.report({
          node,
          message: `\`${q}\` uses ${found[1]}, which sends credentials and data in clear text; use SSH/SFTP or FTP_TLS.`,
          subject: q,
          code: found[0],
        });
      },
    };
  },
};
