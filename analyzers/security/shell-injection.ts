import type { SyntaxNode } from '../../src/engine/syntax.js';
import type { Severity } from '../../src/engine/finding.js';
import type { Rule, RuleContext } from '../../src/engine/rule.js';
import { argument, isTruthy, keywordArgument, mentions, positionalArguments, stringValue } from './arguments.js';
import { callTarget, importsModule } from './call-target.js';
import { provenance } from './provenance.js';

const SUBPROCESS = new Set(['subprocess.Popen', 'subprocess.call', 'subprocess.check_call', 'subprocess.check_output', 'subprocess.run']);
/** Calls that always go through a shell. */
const SHELL = new Set([
  'os.system',
  'os.popen',
  'os.popen2',
  'os.popen3',
  'os.popen4',
  'popen2.popen2',
  'popen2.popen3',
  'popen2.popen4',
  'popen2.Popen3',
  'popen2.Popen4',
  'commands.getoutput',
  'commands.getstatusoutput',
  'subprocess.getoutput',
  'subprocess.getstatusoutput',
  'asyncio.create_subprocess_shell',
]);
const EXEC_SPAWN = /^os\.(?:exec|spawn)[lv]p?e?$/;
const SHELL_PROGRAM = /^(?:\/(?:usr\/)?bin\/)?(?:sh|bash|dash|zsh|ksh)$|^cmd(?:\.exe)?$/;
const WILDCARD_PROGRAMS = /\b(?:chown|chmod|tar|rsync)\b/;

interface ShellCall {
  command: SyntaxNode | undefined;
  code: string;
}

/** Whether the call runs a shell, and on which command expression. */
function shellCall(
  ctx: RuleContext,
  qualified: string | undefined,
  name: string,
  method: boolean,
  node: SyntaxNode,
  paramiko: () => boolean,
): ShellCall | undefined {
  if (qualified && SHELL.has(qualified)) return { command: argument(node, 0, 'cmd') ?? argument(node, 0, 'command'), code: 'B605' };
  if (qualified && EXEC_SPAWN.test(qualified)) {
    // os.execl("/bin/sh", "sh", "-c", cmd): a shell after all.
    const args = positionalArguments(node);
    const offset = qualified.startsWith('os.spawn') ? 1 : 0;
    const program = stringValue(args[offset]);
    if (program === undefined || !SHELL_PROGRAM.test(program)) return undefined;
    const dashC = args.findIndex((a) => stringValue(a) === '-c');
    return dashC >= 0 ? { command: args[dashC + 1], code: 'B605' } : undefined;
  }
  if (name === 'exec_command' && method && paramiko()) {
    return { command: argument(node, 0, 'command'), code: 'B601' };
  }
  if (!mentions(ctx, node, 'shell')) return undefined;
  const shell = keywordArgument(node, 'shell');
  if (!shell || !isTruthy(shell)) return undefined;
  if (qualified && SUBPROCESS.has(qualified)) return { command: argument(node, 0, 'args'), code: 'B602' };
  return { command: argument(node, 0, 'args') ?? argument(node, 0, 'cmd'), code: 'B604' };
}

// Necessary text: a file without it has nothing for this rule, and its calls need not be read.
const FILE_HINT = /shell\s*=|popen|\bsystem\b|getoutput|getstatusoutput|exec_command|\bexec[lv]p?e?\b|\bspawn[lv]p?e?\b|commands/;

/** Commands run through a shell: os.system, os.popen, subprocess with shell=True, paramiko exec_command. */
export const shellInjection: Rule = {
  id: 'shell-injection',
  category: 'security',
  title: 'Command run through a shell',
  severity: 'high',
  confidence: 'high',
  cwe: 78,
  codes: ['B602', 'B604', 'B605', 'B601', 'B609', 'S602', 'S604', 'S605', 'S601', 'S609'],
  doc: {
    what: 'A command run through a shell: `subprocess.*(..., shell=True)`, `os.system`, `os.popen`, `commands.getoutput`, an `os.exec*`/`os.spawn*` of `sh -c`, paramiko `exec_command`.',
    why: 'The shell interprets `;`, `|`, `$(…)` and globs in the command, so any outside text built into it can run other commands.',
    example: 'subprocess.run(f"convert {filename} out.png", shell=True)',
    useInstead: 'subprocess.run(["convert", filename, "out.png"])',
    fix: 'Pass an argument list without a shell: `subprocess.run(["convert", filename, "out.png"])`; if a shell is unavoidable, quote every piece with `shlex.quote`.',
  },
  create(ctx) {
    if (!FILE_HINT.test(ctx.file.source)) return {};
    let paramiko: boolean | undefined;
    const importsParamiko = () => (paramiko ??= importsModule(ctx, 'paramiko'));
    return {
      call(node) {
        const target = callTarget(ctx, node);
        const found = shellCall(ctx, target.qualifiedName, target.name, target.method, node, importsParamiko);
        if (!found) return;
        const facts = provenance(ctx, found.command);
        const literal = found.command !== undefined && facts.literal;
        const wildcard = literal && /\*/.test(found.command!.text) && WILDCARD_PROGRAMS.test(found.command!.text);
        let severity: Severity = facts.tainted || facts.formatted ? 'high' : literal ? 'low' : 'medium';
        if (wildcard) severity = 'high';
        const what = target.qualifiedName ?? target.name;
        const how = facts.tainted
          ? 'with a command built from a parameter or request data'
          : facts.formatted
            ? 'with a command built by string formatting'
            : literal
              ? wildcard
                ? 'with a wildcard the shell expands into options'
                : 'with a fixed command (safe today, fragile tomorrow)'
              : 'with a command that is not a literal';
        ctx.report({
          node,
          message: `\`${what}\` runs a shell ${how}; ${found.code === 'B602' || found.code === 'B604' ? 'pass an argument list without shell=True' : found.code === 'B601' ? 'quote every piece of the command with `shlex.quote`' : 'run it with `subprocess.run([...])` and an argument list'}.`,
          subject: what,
          code: wildcard ? 'B609' : found.code,
          severity,
          confidence: found.code === 'B604' || found.code === 'B601' ? 'medium' : 'high',
        });
      },
    };
  },
};
