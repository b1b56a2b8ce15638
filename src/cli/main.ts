import { readFileSync } from 'node:fs';
import { parseCommand, USAGE, UsageError } from './args.js';
import { runReview, type CliIo } from './review.js';

/** The whole CLI as a function: arguments in, exit status out (0 clean, 1 security defects, 2 usage or input error). */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const command = parseCommand(argv);
    if (command.kind === 'help') {
      io.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (command.kind === 'usage') {
      io.stderr.write(`${USAGE}\n`);
      return 2;
    }
    if (command.kind === 'version') {
      io.stdout.write(`${packageVersion() ?? 'unknown'}\n`);
      return 0;
    }
    return await runReview(command, io, packageVersion());
  } catch (error) {
    // One line, never a stack trace; 1 is reserved for "security defects found".
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`pr-reviewer: ${error instanceof UsageError ? '' : 'internal error: '}${message.split('\n')[0]}\n`);
    return 2;
  }
}

/** Our package.json, from src/cli (ts) or dist/src/cli (built). */
function packageVersion(): string | undefined {
  for (const up of ['../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(up, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'pr-reviewer') return pkg.version;
    } catch {
      // Not at this level; try the next.
    }
  }
  return undefined;
}
