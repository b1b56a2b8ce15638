import { parseArgs } from 'node:util';
import { z } from 'zod';
import { defaultPoolSize } from '../engine/pool.js';

export const USAGE = `Usage: pr-reviewer review [--format markdown|json|sarif] [--config FILE] [--diff BASE[..HEAD]] [--max-file-bytes N] [--jobs N] PATH...

Reviews every *.py file under each PATH (a file or a directory) and prints the review.
  --format          markdown (default), json, or sarif (SARIF 2.1.0 for GitHub code scanning)
  --config FILE     a pr-reviewer YAML config (the same schema as .github/pr-reviewer.yml)
  --diff RANGE      keep only findings on lines added in this git range (BASE, BASE..HEAD, BASE...HEAD)
  --max-file-bytes  skip larger files with a note (default 1000000)
  --jobs N          worker threads for the analysis (default: one per core; 0: none, all on one thread)
Exit status: 0 no security defect at or above fail_on, 1 one or more, 2 usage or input error.`;

/** A usage or input error: one line on stderr, exit status 2. */
export class UsageError extends Error {}

const ReviewArgs = z.object({
  format: z.enum(['markdown', 'json', 'sarif']).default('markdown'),
  config: z.string().min(1).optional(),
  // A range is handed to git: never let it read as an option.
  diff: z
    .string()
    .regex(/^[^-\s][^\s]*$/, 'expected a git range like main or main..HEAD')
    .optional(),
  maxFileBytes: z.coerce.number().int().positive().optional(),
  jobs: z.coerce
    .number({ message: 'expected a number of worker threads (0 or more)' })
    .int('expected a whole number of worker threads')
    .min(0, 'expected a number of worker threads (0 or more)')
    .max(256, 'expected at most 256 worker threads')
    .default(defaultPoolSize),
  paths: z.array(z.string().min(1)).min(1, 'give at least one PATH to review'),
});

export type ReviewArgs = z.infer<typeof ReviewArgs>;

export type Command = { kind: 'help' } | { kind: 'version' } | ({ kind: 'review' } & ReviewArgs);

export function parseCommand(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        config: { type: 'string', short: 'c' },
        diff: { type: 'string' },
        'max-file-bytes': { type: 'string' },
        jobs: { type: 'string', short: 'j' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const [command, ...paths] = positionals;
  if (command !== 'review')
    throw new UsageError(command ? `unknown command '${command}' (expected 'review')` : 'missing command (expected: pr-reviewer review PATH...)');
  const checked = ReviewArgs.safeParse({
    format: values.format,
    config: values.config,
    diff: values.diff,
    maxFileBytes: values['max-file-bytes'],
    jobs: values.jobs,
    paths,
  });
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    const flag = issue.path[0] === 'paths' ? 'PATH' : `--${String(issue.path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    throw new UsageError(`${flag}: ${issue.message}`);
  }
  return { kind: 'review', ...checked.data };
}
