import { mergeConfig, readConfigYaml, validateConfig, type ConfigProblem, type LoadedConfig } from '../review/config.js';
import { readFile } from './contents.js';
import type { GitHub } from './octokit.js';

export const CONFIG_PATH = '.github/pr-reviewer.yml';

/**
 * The review config, always from the default branch: the org's defaults (the `.github`
 * repository) with the repository's own file merged over them key by key. Probot's
 * context.config falls back to the org file only when the repo has none, so we merge here.
 * Problems never stop a review: they are returned with the config that remains valid.
 */
export async function loadConfig(octokit: GitHub, owner: string, repo: string): Promise<LoadedConfig> {
  const problems: ConfigProblem[] = [];
  const orgSource = `${owner}/.github:${CONFIG_PATH}`;
  const repoSource = `${owner}/${repo}:${CONFIG_PATH}`;
  const [orgRaw, repoRaw] = await Promise.all([
    repo === '.github' ? Promise.resolve(undefined) : readYaml(octokit, owner, '.github', orgSource, problems),
    readYaml(octokit, owner, repo, repoSource, problems),
  ]);
  const loaded = validateConfig(mergeConfig(orgRaw ?? {}, repoRaw ?? {}));
  // Say which file a bad key came from: the repository's when it sets that key, else the org's.
  for (const p of loaded.problems) {
    const top = p.key.split(/[.,]/)[0]?.trim() ?? '';
    const fromRepo = isRecord(repoRaw) && top in repoRaw;
    problems.push({ key: p.key, message: `${fromRepo || !orgRaw ? repoSource : orgSource}: ${p.message}` });
  }
  return { config: loaded.config, problems };
}

async function readYaml(octokit: GitHub, owner: string, repo: string, source: string, problems: ConfigProblem[]): Promise<unknown> {
  const file = await readFile(octokit, owner, repo, CONFIG_PATH);
  if (file.kind === 'missing') return undefined;
  if (file.kind === 'not-a-file') {
    problems.push({ key: '', message: `${source} is not a regular file (${file.type})` });
    return undefined;
  }
  if (file.kind === 'too-large') {
    problems.push({ key: '', message: `${source} is too large to be a config file` });
    return undefined;
  }
  const read = readConfigYaml(Buffer.from(file.bytes).toString('utf8'), source);
  if ('problem' in read) {
    problems.push(read.problem);
    return undefined;
  }
  const raw = read.raw;
  if (raw === null || raw === undefined) return undefined;
  if (!isRecord(raw)) {
    problems.push({ key: '', message: `${source}: the config must be a mapping of keys to values` });
    return undefined;
  }
  return raw;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
