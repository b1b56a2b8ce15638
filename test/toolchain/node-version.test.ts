import { readFileSync } from 'node:fs';

/**
 * One Node version everywhere: package.json "engines", the Dockerfile's stages, the Node that
 * .ci/run uses, and what docs/operations.md tells a user. The container's command runs node itself,
 * so that `docker stop`'s SIGTERM reaches the server (docs/operations.md, "Shutdown").
 */

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const pkg = JSON.parse(read('package.json')) as { engines: { node: string }; allowScripts: Record<string, boolean> };
const dockerfile = read('Dockerfile');
const ci = read('.ci/run');
const operations = read('docs/operations.md');
const major = /^>=(\d+)$/.exec(pkg.engines.node)?.[1];

describe('the Node version', () => {
  test('engines names a current LTS major, and every place agrees with it', () => {
    expect(major).toBe('24');
    const stages = [...dockerfile.matchAll(/^FROM node:(\d+)-bookworm-slim\b/gm)].map((m) => m[1]);
    expect(stages).toEqual([major, major]);
    expect(ci).toMatch(new RegExp(`^NODE_MAJOR=${major}$`, 'm'));
    expect(operations).toContain(`**Node.js ${major}**`);
    expect(operations).toContain(`"engines": { "node": ">=${major}" }`);
  });

  test('the type definitions are those of the same Node', () => {
    const types = (JSON.parse(read('package.json')) as { devDependencies: Record<string, string> }).devDependencies['@types/node'];
    expect(types).toMatch(new RegExp(`^\\^${major}\\.`));
  });
});

describe('the image', () => {
  const [build, runtime] = dockerfile.split(/^FROM /m).slice(1) as [string, string];

  test('the build stage has the toolchain that compiles the native bindings, and installs as the README does', () => {
    expect(build).toMatch(/apt-get install -y --no-install-recommends python3 make g\+\+/);
    expect(build).toMatch(/^RUN npm ci && npm prune --omit=dev$/m);
  });

  test("the engine's addon is built in the image and shipped: its sources reach the build, its binary the runtime", () => {
    const ignored = read('.dockerignore')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    for (const path of ['binding.gyp', 'src', 'src/engine', 'src/engine/native', 'src/engine/native/flat-parse.c']) expect(ignored).not.toContain(path);
    expect(ignored).toContain('build');
    expect(build.indexOf('COPY . .')).toBeGreaterThanOrEqual(0);
    expect(build.indexOf('COPY . .')).toBeLessThan(build.indexOf('RUN npm ci'));
    expect(runtime).toMatch(/^COPY --from=build \/app\/build\/Release\/flat_parse\.node \.\/build\/Release\/flat_parse\.node$/m);
  });

  test('the runtime stage runs node directly, as a non-root user, with a health check', () => {
    expect(runtime).not.toMatch(/apt-get|g\+\+/);
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/^HEALTHCHECK .*\n?.*\/healthz/m);
    expect(runtime).toMatch(/^CMD \["node", "dist\/src\/server\.js"\]$/m);
    expect(operations).toContain('CMD ["node", "dist/src/server.js"]');
  });

  test('the native bindings may run their install scripts (npm 12 skips unapproved ones)', () => {
    expect(pkg.allowScripts).toMatchObject({ 'tree-sitter': true, 'tree-sitter-python': true, 'msgpackr-extract': true });
  });
});
