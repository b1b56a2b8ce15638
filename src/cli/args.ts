import { parseArgs } from 'node:util';
import { z } from 'zod';
import { defaultPoolSize } from '../engine/pool.js';

export const USAGE = `Usage: pr-reviewer review [options] PATH...

Reviews every *.py file under each PATH (a file or a directory) and prints the review.

Options:
  -f, --format FORMAT     markdown (the default), json, or sarif (SARIF 2.1.0 for GitHub code scanning)
  -c, --config FILE       a pr-reviewer YAML config (the same schema as .github/pr-reviewer.yml)
      --diff RANGE        review a change: BASE..HEAD or BASE...HEAD (both sides from git), or BASE
                          (against the working tree, untracked files included); only what the change
                          introduces is reported
      --report new|all    with --diff: report only what the change introduces (new, the default), or
                          every finding in the changed files (all)
      --max-file-bytes N  skip larger files with a note (default 1000000)
  -j, --jobs N            worker threads for the analysis (default: one per core; 0: none, all on
                          one thread)
  -h, --help              print this help
      --version           print the version

Exit status: 0 no security defect at or above fail_on, 1 one or more, 2 usage or input error.`;

/** A usage or input error: one line on stderr, exit status 2. */
export class UsageError extends Error {}

// Each field's message says what its flag accepts: errors read "--FLAG expects <message>; got 'VALUE'".
const ReviewArgs = z.object({
  format: z.enum(['markdown', 'json', 'sarif'], 'markdown, json or sarif').default('markdown'),
  config: z.string().min(1, 'the path of a YAML config file').optional(),
  // A range is handed to git: never let it read as an option.
  diff: z
    .string()
    .regex(/^[^-\s][^\s]*$/, 'a git range like main, main..HEAD or main...HEAD')
    .optional(),
  report: z.enum(['new', 'all'], 'new or all').optional(),
  maxFileBytes: z
    .string()
    .regex(/^[1-9][0-9]*$/, 'a positive whole number of bytes, like 1000000')
    .transform(Number)
    .optional(),
  jobs: z
    .string()
    .regex(/^[0-9]+$/, 'a whole number of worker threads, 0 or more')
    .transform(Number)
    .refine((n) => n <= 256, 'at most 256 worker threads')
    .optional(),
  paths: z.array(z.string().min(1)).min(1, 'give at least one file or directory to review'),
});

/** `jobs` is always set: without the flag, one worker thread per core. */
export type ReviewArgs = z.infer<typeof ReviewArgs> & { jobs: number };

/** `usage`: a bare `pr-reviewer`, answered with the usage on stderr and exit status 2. */
export type Command = { kind: 'help' } | { kind: 'usage' } | { kind: 'version' } | ({ kind: 'review' } & ReviewArgs);

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  config: { type: 'string', short: 'c' },
  diff: { type: 'string' },
  report: { type: 'string' },
  'max-file-bytes': { type: 'string' },
  jobs: { type: 'string', short: 'j' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

const OPTION_LIST = Object.keys(OPTIONS)
  .map((name) => `--${name}`)
  .join(', ');

export function parseCommand(argv: readonly string[]): Command {
  if (argv.length === 0) return { kind: 'usage' };
  // Not strict: parseArgs' own errors ("argument is ambiguous") would reach the user; checkTokens says it in our words.
  const { values, positionals, tokens } = parseArgs({ args: [...argv], allowPositionals: true, strict: false, tokens: true, options: OPTIONS });
  checkTokens(tokens);
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const [command, ...paths] = positionals;
  if (command !== 'review')
    throw new UsageError(`${command === undefined ? 'missing command' : `unknown command '${command}'`} (expected: pr-reviewer review PATH...)`);
  const given = {
    format: values.format,
    config: values.config,
    diff: values.diff,
    report: values.report,
    maxFileBytes: values['max-file-bytes'],
    jobs: values.jobs,
  };
  const checked = ReviewArgs.safeParse({ ...given, paths });
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    const field = String(issue.path[0]);
    if (field === 'paths') throw new UsageError(`missing PATH: ${issue.message}`);
    const flag = `--${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    throw new UsageError(`${flag} expects ${issue.message}; got '${String(given[field as keyof typeof given])}'`);
  }
  return { kind: 'review', ...checked.data, jobs: checked.data.jobs ?? defaultPoolSize() };
}

/** What a string option accepts: its schema's message, the one it gives for an empty value. */
function accepts(name: string): string {
  const field = name.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase()) as keyof typeof ReviewArgs.shape;
  const checked = ReviewArgs.shape[field]?.safeParse('');
  return checked && !checked.success ? checked.error.issues[0]!.message : 'a value';
}

type Token = ReturnType<typeof parseArgs>['tokens'] extends (infer T)[] | undefined ? T : never;

/** Unknown options, string options without a value and boolean options with one, each named with what it accepts. */
function checkTokens(tokens: readonly Token[] | undefined): void {
  for (const token of tokens ?? []) {
    if (token.kind !== 'option') continue;
    const option = OPTIONS[token.name as keyof typeof OPTIONS] as { type: 'string' | 'boolean' } | undefined;
    if (!option) throw new UsageError(`unknown option ${token.rawName} (the options are ${OPTION_LIST})`);
    if (option.type === 'string' && token.value === undefined) throw new UsageError(`${token.rawName} needs a value: ${accepts(token.name)}`);
    if (option.type === 'boolean' && token.value !== undefined) throw new UsageError(`${token.rawName} takes no value; got '${token.value}'`);
  }
}
