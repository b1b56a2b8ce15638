import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/review.js';

/**
 * The README is what a newcomer reads first: short, with a sample review that is what the CLI
 * prints today on the shipped example, a quick start that CI runs, and links that lead somewhere.
 */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const read = (path: string): string => readFileSync(join(root, path), 'utf8');
const readme = read('README.md');

async function review(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t), isTTY: false }, cwd: root };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

describe('the README', () => {
  test('reads in two minutes: at most 300 lines', () => {
    expect(readme.split('\n').length).toBeLessThanOrEqual(300);
  });

  test('its sample review is what the quick start prints on the shipped example, exit status 0', async () => {
    const block = /<!-- sample-review:start -->\n```markdown\n([\s\S]*?)```\n<!-- sample-review:end -->/.exec(readme);
    expect(block).not.toBeNull();
    const quickStart = /## Quick start[\s\S]*?```sh\n([^\n]+)\n([^\n]+)\n```/.exec(readme);
    const [, first] = quickStart!;
    const reviewArgs = /npm run -s review -- (.+)$/.exec(first!)![1]!.split(' ');
    const run = await review(['review', ...reviewArgs]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(block![1]).toBe(run.stdout);
    // The example has something to say in several categories, else it shows nothing of the product.
    expect(run.stdout).toContain('However, I do have some suggestions for improvement:');
    expect(run.stdout.match(/^\d+\. /gm)!.length).toBeGreaterThanOrEqual(3);
  });

  test('its two quick-start commands are the install and test commands CI runs', () => {
    const [, install, tests] = /## Quick start[\s\S]*?```sh\n([^\n]+)\n([^\n]+)\n```/.exec(readme)!;
    expect(install).toMatch(/^npm ci && /);
    expect(tests).toBe('npm test');
    const ci = read('.ci/run');
    expect(ci).toMatch(/^npm ci$/m);
    expect(ci).toMatch(/^npm test$/m);
  });

  test('names the Node version that package.json requires', () => {
    const major = /^>=(\d+)$/.exec((JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node)![1];
    expect(readme).toContain(`Node.js ${major}`);
  });

  test('holds no goal or issue talk', () => {
    for (const file of [
      'README.md',
      ...readdirSync(join(root, 'docs'))
        .filter((f) => f.endsWith('.md'))
        .map((f) => `docs/${f}`),
    ])
      expect([file, read(file).match(/\b(issue \d+|goal)\b/gi)]).toEqual([file, null]);
  });
});

describe('links in the README and docs/', () => {
  const pages = [
    'README.md',
    ...readdirSync(join(root, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`),
  ];
  test.each(pages)('%s links only to files that exist', (page) => {
    const missing = [...read(page).matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/g)]
      .map((m) => m[1]!)
      .filter((target) => !/^[a-z]+:/.test(target))
      .filter((target) => !existsSync(resolve(root, dirname(page), target)));
    expect(missing).toEqual([]);
  });
});
