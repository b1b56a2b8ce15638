import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { structuredPatch } from 'diff';

/**
 * A loopback stand-in for the parts of GitHub's REST (and GraphQL) API the app uses. It keeps
 * repositories, pull requests, comments, reviews and check runs in memory, answers like GitHub
 * (pagination with Link headers, 422 for a review comment outside the diff, 404s), and records
 * every call so that tests and benchmarks can check what the app did.
 * Point Probot at it with GHE_HOST=127.0.0.1:<port> and GHE_PROTOCOL=http (paths under /api/v3).
 */

export interface RecordedCall {
  method: string;
  /** Path without the /api/v3 prefix and without the query string. */
  path: string;
  query: URLSearchParams;
  body: unknown;
  status: number;
  /** 'auth' for installation tokens; GETs and GraphQL queries are reads, the rest writes. */
  kind: 'read' | 'write' | 'auth';
  at: number;
}

export interface StandInFile {
  filename: string;
  status: 'added' | 'modified' | 'removed' | 'renamed';
  previous_filename?: string;
  /** Omitted to mimic GitHub leaving out a large file's patch. */
  patch?: string;
  sha: string;
  additions: number;
  deletions: number;
  changes: number;
}

export interface StandInPull {
  number: number;
  state: 'open' | 'closed';
  draft: boolean;
  author: string;
  headSha: string;
  baseSha: string;
  files: StandInFile[];
}

export interface StoredComment {
  id: number;
  body: string;
  user: { login: string; type: 'Bot' | 'User' };
  created_at: string;
  updated_at: string;
}

export interface StoredReviewComment extends StoredComment {
  pull_request_review_id: number;
  path: string;
  line: number;
  start_line: number | null;
  side: 'RIGHT';
  commit_id: string;
  threadId: string;
  resolved: boolean;
  replies: number;
}

export interface StoredCheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  output: { title?: string; summary?: string; annotations: unknown[] };
}

interface Repo {
  owner: string;
  name: string;
  defaultBranch: string;
  /** Files by commit sha; the default branch is stored under its name too. */
  commits: Map<string, Map<string, Buffer>>;
  pulls: Map<number, StandInPull>;
  issueComments: Map<number, StoredComment[]>;
  reviewComments: Map<number, StoredReviewComment[]>;
  checkRuns: StoredCheckRun[];
  permissions: Map<string, string>;
  /** Paths the contents API does not answer with a file (any ref). */
  special: Map<string, SpecialContent>;
}

/** What GitHub answers for a path that is not a plain file: 404, a symlink, a submodule, a directory. */
export type SpecialContent = { type: 'missing' } | { type: 'symlink'; target: string } | { type: 'submodule' } | { type: 'dir' };

export interface StandInOptions {
  /** Added to every response: GitHub's latency, for benchmarks. */
  latencyMs?: number;
  appSlug?: string;
  botLogin?: string;
}

export interface PullSpec {
  number: number;
  /** Files of the base commit (paths to source text). */
  base: Record<string, string | Buffer>;
  /** Files of the head commit; a path absent here but present in base is removed. */
  head: Record<string, string | Buffer>;
  author?: string;
  draft?: boolean;
  /** Paths whose patch GitHub leaves out. */
  omitPatch?: string[];
  /** Renames: new path → old path. */
  renames?: Record<string, string>;
}

export class GitHubStandIn {
  readonly calls: RecordedCall[] = [];
  private readonly repos = new Map<string, Repo>();
  private server: Server | undefined;
  private nextId = 1000;
  private readonly latencyMs: number;
  /** Requests that are never answered (a hung GitHub), by method and path. */
  private readonly hangs: Array<(method: string, path: string) => boolean> = [];
  /** Git trees GitHub would truncate (over 100,000 entries or 7 MB). */
  truncateTrees = false;
  readonly appSlug: string;
  readonly botLogin: string;

  constructor(options: StandInOptions = {}) {
    this.latencyMs = options.latencyMs ?? 0;
    this.appSlug = options.appSlug ?? 'pr-reviewer';
    this.botLogin = options.botLogin ?? `${this.appSlug}[bot]`;
  }

  async start(): Promise<{ host: string; port: number }> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    return { host: `127.0.0.1:${port}`, port };
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = undefined;
  }

  /** A repository whose default branch holds these files. */
  addRepo(owner: string, name: string, files: Record<string, string | Buffer> = {}): void {
    const repo: Repo = {
      owner,
      name,
      defaultBranch: 'main',
      commits: new Map([['main', toFiles(files)]]),
      pulls: new Map(),
      issueComments: new Map(),
      reviewComments: new Map(),
      checkRuns: [],
      permissions: new Map(),
      special: new Map(),
    };
    this.repos.set(key(owner, name), repo);
  }

  setPermission(owner: string, name: string, user: string, permission: 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none'): void {
    this.repo(owner, name).permissions.set(user, permission);
  }

  /** Opens (or pushes to) a pull request: commits base and head, computes the files and patches. */
  pushPull(owner: string, name: string, spec: PullSpec): StandInPull {
    const repo = this.repo(owner, name);
    const base = toFiles(spec.base);
    const head = toFiles(spec.head);
    const baseSha = commitSha(base);
    const headSha = commitSha(head);
    repo.commits.set(baseSha, base);
    repo.commits.set(headSha, head);
    const renamedFrom = new Set(Object.values(spec.renames ?? {}));
    const files: StandInFile[] = [];
    for (const [path, content] of head) {
      const previous = spec.renames?.[path];
      const before = base.get(previous ?? path);
      if (before && before.equals(content) && !previous) continue;
      const status = previous ? 'renamed' : before ? 'modified' : 'added';
      files.push(fileEntry(path, before, content, status, previous, spec.omitPatch?.includes(path)));
    }
    for (const [path, content] of base) {
      if (!head.has(path) && !renamedFrom.has(path)) files.push(fileEntry(path, content, undefined, 'removed', undefined, false));
    }
    const existing = repo.pulls.get(spec.number);
    const pull: StandInPull = {
      number: spec.number,
      state: 'open',
      draft: spec.draft ?? existing?.draft ?? false,
      author: spec.author ?? existing?.author ?? 'octocat',
      headSha,
      baseSha,
      files,
    };
    repo.pulls.set(spec.number, pull);
    return pull;
  }

  /** The contents API answers this path as a 404, a symlink, a submodule or a directory, at every ref. */
  setSpecial(owner: string, name: string, path: string, content: SpecialContent): void {
    this.repo(owner, name).special.set(path, content);
  }

  /** Requests matching this are taken and never answered. */
  hang(predicate: (method: string, path: string) => boolean): void {
    this.hangs.push(predicate);
  }

  /** A comment on the pull request by someone else (a user, or another app's bot such as github-actions[bot]). */
  addIssueComment(owner: string, name: string, number: number, body: string, user: StoredComment['user']): StoredComment {
    const repo = this.repo(owner, name);
    const comment = { ...this.comment(body), user };
    repo.issueComments.set(number, [...(repo.issueComments.get(number) ?? []), comment]);
    return comment;
  }

  /** An inline comment, opening its own thread, by someone else. */
  addReviewComment(
    owner: string,
    name: string,
    number: number,
    c: { path: string; line: number; body: string; user: StoredComment['user'] },
  ): StoredReviewComment {
    const pull = this.pull(owner, name, number);
    const base = { ...this.comment(c.body), user: c.user };
    const stored: StoredReviewComment = {
      ...base,
      pull_request_review_id: this.nextId++,
      path: c.path,
      line: c.line,
      start_line: null,
      side: 'RIGHT',
      commit_id: pull.headSha,
      threadId: `T_${base.id}`,
      resolved: false,
      replies: 0,
    };
    const repo = this.repo(owner, name);
    repo.reviewComments.set(number, [...(repo.reviewComments.get(number) ?? []), stored]);
    return stored;
  }

  pull(owner: string, name: string, number: number): StandInPull {
    const pull = this.repo(owner, name).pulls.get(number);
    if (!pull) throw new Error(`no pull request ${number}`);
    return pull;
  }

  issueComments(owner: string, name: string, number: number): StoredComment[] {
    return this.repo(owner, name).issueComments.get(number) ?? [];
  }

  reviewComments(owner: string, name: string, number: number): StoredReviewComment[] {
    return this.repo(owner, name).reviewComments.get(number) ?? [];
  }

  checkRuns(owner: string, name: string): StoredCheckRun[] {
    return this.repo(owner, name).checkRuns;
  }

  /** A human reply in a review comment's thread (so the app must leave that thread alone). */
  reply(owner: string, name: string, number: number, commentId: number): void {
    const c = this.reviewComments(owner, name, number).find((x) => x.id === commentId);
    if (c) c.replies++;
  }

  /** Calls recorded so far, without the installation-token requests. */
  apiCalls(): RecordedCall[] {
    return this.calls.filter((c) => c.kind !== 'auth');
  }

  counts(): { reads: number; writes: number } {
    const api = this.apiCalls();
    return { reads: api.filter((c) => c.kind === 'read').length, writes: api.filter((c) => c.kind === 'write').length };
  }

  reset(): void {
    this.calls.length = 0;
  }

  private repo(owner: string, name: string): Repo {
    const repo = this.repos.get(key(owner, name));
    if (!repo) throw new Error(`no repository ${owner}/${name}`);
    return repo;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const path = url.pathname.replace(/^\/api\/v3/, '');
    const raw = await readBody(req);
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = raw;
    }
    const isGraphql = url.pathname === '/api/graphql' || path === '/graphql';
    const method = req.method ?? 'GET';
    const kind: RecordedCall['kind'] = /\/access_tokens$/.test(path)
      ? 'auth'
      : isGraphql
        ? /^\s*mutation/.test(String((body as { query?: string })?.query ?? ''))
          ? 'write'
          : 'read'
        : method === 'GET'
          ? 'read'
          : 'write';
    const call: RecordedCall = { method, path: isGraphql ? '/graphql' : path, query: url.searchParams, body, status: 0, kind, at: Date.now() };
    this.calls.push(call);
    if (this.hangs.some((h) => h(method, call.path))) return;
    if (this.latencyMs) await new Promise((r) => setTimeout(r, this.latencyMs));
    let reply: Reply;
    try {
      const prefix = url.pathname.startsWith('/api/v3') ? '/api/v3' : '';
      reply = isGraphql ? this.graphql(body) : this.route(method, path, url.searchParams, body, `http://${req.headers.host ?? 'localhost'}${prefix}`);
    } catch (error) {
      reply = { status: 500, body: { message: error instanceof Error ? error.message : String(error) } };
    }
    call.status = reply.status;
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', ...reply.headers };
    res.writeHead(reply.status, headers);
    res.end(reply.status === 204 ? undefined : JSON.stringify(reply.body ?? {}));
  }

  private route(method: string, path: string, query: URLSearchParams, body: unknown, base: string): Reply {
    const m = (pattern: RegExp): RegExpExecArray | null => pattern.exec(path);
    let match: RegExpExecArray | null;
    if (method === 'POST' && (match = m(/^\/app\/installations\/(\d+)\/access_tokens$/))) {
      return {
        status: 201,
        body: { token: `ghs_standin${match[1]}`, expires_at: new Date(Date.now() + 3600_000).toISOString(), permissions: {}, repository_selection: 'all' },
      };
    }
    if (method === 'GET' && path === '/app') return { status: 200, body: { id: 1, slug: this.appSlug, name: this.appSlug } };
    if (!(match = m(/^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/))) return notFound();
    const repo = this.repos.get(key(match[1]!, match[2]!));
    if (!repo) return notFound();
    const rest = match[3] ?? '';
    const r = (pattern: RegExp): RegExpExecArray | null => pattern.exec(rest);

    if (method === 'GET' && (match = r(/^\/contents\/(.+)$/))) {
      const filePath = decodeURIComponent(match[1]!);
      const special = repo.special.get(filePath);
      if (special?.type === 'missing') return notFound();
      if (special?.type === 'dir') return { status: 200, body: [] };
      if (special) {
        // Like GitHub for a link whose target is not a file of the repository, and for a submodule.
        return {
          status: 200,
          body: {
            type: special.type,
            name: filePath.split('/').pop(),
            path: filePath,
            size: 0,
            sha: blobSha(Buffer.from(filePath)),
            ...(special.type === 'symlink' ? { target: special.target } : {}),
          },
        };
      }
      const files = repo.commits.get(query.get('ref') ?? repo.defaultBranch);
      const content = files?.get(filePath);
      if (!content) return notFound();
      return {
        status: 200,
        body: {
          type: 'file',
          name: filePath.split('/').pop(),
          path: filePath,
          size: content.length,
          encoding: 'base64',
          content: content.toString('base64'),
          sha: blobSha(content),
        },
      };
    }
    if (method === 'GET' && (match = r(/^\/compare\/([0-9a-f]+)\.\.\.([0-9a-f]+)$/))) {
      // The stand-in's base commit is the merge base of its pull requests.
      return { status: 200, body: { merge_base_commit: { sha: match[1] }, base_commit: { sha: match[1] }, status: 'ahead', files: [], commits: [] } };
    }
    if (method === 'GET' && (match = r(/^\/git\/trees\/([^/]+)$/))) {
      // A commit's tree: every file (with its folders) when `recursive` is set, else the root's entries.
      const files = repo.commits.get(decodeURIComponent(match[1]!));
      if (!files) return notFound();
      const entries = treeEntries(files, repo.special).filter((e) => query.has('recursive') || !String(e.path).includes('/'));
      return { status: 200, body: { sha: match[1], truncated: this.truncateTrees, tree: entries } };
    }
    if (method === 'GET' && (match = r(/^\/pulls\/(\d+)$/))) {
      const pull = repo.pulls.get(Number(match[1]));
      return pull ? { status: 200, body: pullJson(repo, pull) } : notFound();
    }
    if (method === 'GET' && rest === '/pulls') {
      const open = [...repo.pulls.values()].filter((p) => query.get('state') !== 'open' || p.state === 'open');
      return paginate(
        base + path,
        query,
        open.map((p) => pullJson(repo, p)),
      );
    }
    if (method === 'GET' && (match = r(/^\/pulls\/(\d+)\/files$/))) {
      const pull = repo.pulls.get(Number(match[1]));
      if (!pull) return notFound();
      return paginate(base + path, query, pull.files.slice(0, 3000), 30);
    }
    if (method === 'GET' && (match = r(/^\/commits\/([0-9a-f]+)\/pulls$/))) {
      const sha = match[1];
      return { status: 200, body: [...repo.pulls.values()].filter((p) => p.headSha === sha).map((p) => pullJson(repo, p)) };
    }
    if ((match = r(/^\/issues\/(\d+)\/comments$/))) {
      const number = Number(match[1]);
      const list = repo.issueComments.get(number) ?? [];
      if (method === 'GET') return paginate(base + path, query, list, 30);
      if (method === 'POST') {
        const comment = this.comment(String((body as { body?: string }).body ?? ''));
        repo.issueComments.set(number, [...list, comment]);
        return { status: 201, body: comment };
      }
    }
    if (method === 'PATCH' && (match = r(/^\/issues\/comments\/(\d+)$/))) {
      const id = Number(match[1]);
      for (const list of repo.issueComments.values()) {
        const comment = list.find((c) => c.id === id);
        if (comment) {
          comment.body = String((body as { body?: string }).body ?? '');
          comment.updated_at = new Date().toISOString();
          return { status: 200, body: comment };
        }
      }
      return notFound();
    }
    if (method === 'POST' && (match = r(/^\/issues\/comments\/(\d+)\/reactions$/))) {
      return { status: 201, body: { id: this.nextId++, content: (body as { content?: string }).content } };
    }
    if (method === 'GET' && (match = r(/^\/pulls\/(\d+)\/comments$/))) {
      return paginate(base + path, query, repo.reviewComments.get(Number(match[1])) ?? [], 30);
    }
    if (method === 'POST' && (match = r(/^\/pulls\/(\d+)\/reviews$/))) return this.createReview(repo, Number(match[1]), body as ReviewBody);
    if (method === 'POST' && rest === '/check-runs') {
      const b = body as { name: string; head_sha: string; status?: string; conclusion?: string; output?: StoredCheckRun['output'] };
      const run: StoredCheckRun = {
        id: this.nextId++,
        name: b.name,
        head_sha: b.head_sha,
        status: b.status ?? 'queued',
        conclusion: b.conclusion ?? null,
        output: { ...b.output, annotations: [...(b.output?.annotations ?? [])] },
      };
      repo.checkRuns.push(run);
      return { status: 201, body: run };
    }
    if (method === 'PATCH' && (match = r(/^\/check-runs\/(\d+)$/))) {
      const run = repo.checkRuns.find((c) => c.id === Number(match![1]));
      if (!run) return notFound();
      const b = body as { status?: string; conclusion?: string; output?: StoredCheckRun['output'] };
      if ((b.output?.annotations?.length ?? 0) > 50) return unprocessable('Only 50 annotations are allowed per request');
      if (b.status) run.status = b.status;
      if (b.conclusion) run.conclusion = b.conclusion;
      if (b.output) run.output = { ...run.output, ...b.output, annotations: [...run.output.annotations, ...(b.output.annotations ?? [])] };
      return { status: 200, body: run };
    }
    if (method === 'GET' && (match = r(/^\/collaborators\/([^/]+)\/permission$/))) {
      const permission = repo.permissions.get(decodeURIComponent(match[1]!));
      if (!permission) return notFound();
      // GitHub folds maintain into write and triage into read in `permission`; role_name keeps them.
      const folded = permission === 'maintain' ? 'write' : permission === 'triage' ? 'read' : permission;
      return { status: 200, body: { permission: folded, role_name: permission, user: { login: match[1] } } };
    }
    return notFound();
  }

  private comment(body: string): StoredComment {
    const now = new Date().toISOString();
    return { id: this.nextId++, body, user: { login: this.botLogin, type: 'Bot' }, created_at: now, updated_at: now };
  }

  /** Like GitHub: the whole review is refused (422) when one comment is not on a line of the diff. */
  private createReview(repo: Repo, number: number, body: ReviewBody): Reply {
    const pull = repo.pulls.get(number);
    if (!pull) return notFound();
    for (const c of body.comments ?? []) {
      const file = pull.files.find((f) => f.filename === c.path);
      const lines = file?.patch ? rightLines(file.patch) : new Set<number>();
      const start = c.start_line ?? c.line;
      for (let line = start; line <= c.line; line++) {
        if (!lines.has(line)) return unprocessable('Unprocessable Entity: "Line could not be resolved"', ['Line could not be resolved']);
      }
    }
    const reviewId = this.nextId++;
    const list = repo.reviewComments.get(number) ?? [];
    for (const c of body.comments ?? []) {
      const comment = this.comment(c.body);
      list.push({
        ...comment,
        pull_request_review_id: reviewId,
        path: c.path,
        line: c.line,
        start_line: c.start_line ?? null,
        side: 'RIGHT',
        commit_id: body.commit_id ?? pull.headSha,
        threadId: `T_${comment.id}`,
        resolved: false,
        replies: 0,
      });
    }
    repo.reviewComments.set(number, list);
    return { status: 200, body: { id: reviewId, state: 'COMMENTED', commit_id: body.commit_id, body: body.body } };
  }

  private graphql(body: unknown): Reply {
    const { query = '', variables = {} } = (body ?? {}) as { query?: string; variables?: Record<string, unknown> };
    if (/resolveReviewThread/.test(query)) {
      for (const repo of this.repos.values()) {
        for (const list of repo.reviewComments.values()) {
          const c = list.find((x) => x.threadId === variables.id);
          if (c) {
            c.resolved = true;
            return { status: 200, body: { data: { resolveReviewThread: { thread: { id: c.threadId } } } } };
          }
        }
      }
      return { status: 200, body: { errors: [{ message: 'thread not found' }] } };
    }
    if (/reviewThreads/.test(query)) {
      const repo = this.repos.get(key(String(variables.owner), String(variables.repo)));
      const list = repo?.reviewComments.get(Number(variables.number)) ?? [];
      const nodes = list.map((c) => ({
        id: c.threadId,
        isResolved: c.resolved,
        path: c.path,
        // GraphQL names a bot by its app slug, without REST's `[bot]`.
        comments: {
          totalCount: 1 + c.replies,
          nodes: [{ body: c.body, author: { __typename: c.user.type === 'Bot' ? 'Bot' : 'User', login: c.user.login.replace(/\[bot\]$/, '') } }],
        },
      }));
      return { status: 200, body: { data: { repository: { pullRequest: { reviewThreads: { nodes } } } } } };
    }
    return { status: 200, body: { errors: [{ message: 'unsupported query' }] } };
  }
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

interface ReviewBody {
  commit_id?: string;
  body?: string;
  event?: string;
  comments?: Array<{ path: string; line: number; start_line?: number; side?: string; body: string }>;
}

function key(owner: string, name: string): string {
  return `${owner}/${name}`.toLowerCase();
}

function toFiles(files: Record<string, string | Buffer>): Map<string, Buffer> {
  return new Map(Object.entries(files).map(([p, c]) => [p, Buffer.isBuffer(c) ? c : Buffer.from(c, 'utf8')]));
}

function commitSha(files: Map<string, Buffer>): string {
  const hash = createHash('sha1');
  for (const [p, c] of [...files].sort(([a], [b]) => a.localeCompare(b))) hash.update(p).update('\0').update(c).update('\0');
  return hash.digest('hex');
}

function blobSha(content: Buffer): string {
  return createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
}

/** GitHub's `patch`: the hunks of a unified diff with three lines of context, no file header. */
export function unifiedPatch(before: string, after: string): string {
  const { hunks } = structuredPatch('a', 'b', before, after, '', '', { context: 3 });
  return hunks.map((h) => [`@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`, ...h.lines].join('\n')).join('\n');
}

function fileEntry(
  path: string,
  before: Buffer | undefined,
  after: Buffer | undefined,
  status: StandInFile['status'],
  previous: string | undefined,
  omitPatch: boolean | undefined,
): StandInFile {
  const patch = unifiedPatch(before?.toString('utf8') ?? '', after?.toString('utf8') ?? '');
  const additions = patch.split('\n').filter((l) => l.startsWith('+')).length;
  const deletions = patch.split('\n').filter((l) => l.startsWith('-')).length;
  return {
    filename: path,
    status,
    ...(previous ? { previous_filename: previous } : {}),
    ...(omitPatch ? {} : { patch }),
    sha: blobSha(after ?? before ?? Buffer.alloc(0)),
    additions,
    deletions,
    changes: additions + deletions,
  };
}

/** RIGHT-side lines a patch shows, computed independently of the app's parser. */
function rightLines(patch: string): Set<number> {
  const lines = new Set<number>();
  let line = 0;
  for (const text of patch.split('\n')) {
    const header = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(text);
    if (header) {
      line = Number(header[1]);
      continue;
    }
    if (text.startsWith('-') || text.startsWith('\\')) continue;
    lines.add(line++);
  }
  return lines;
}

/** A recursive git tree as GitHub lists it: folders, then blobs (links and submodules with their modes). */
function treeEntries(files: Map<string, Buffer>, special: Map<string, SpecialContent>): Array<Record<string, unknown>> {
  const folders = new Set<string>();
  const entries: Array<Record<string, unknown>> = [];
  for (const [path, content] of files) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) folders.add(parts.slice(0, i).join('/'));
    const kind = special.get(path)?.type;
    const mode = kind === 'symlink' ? '120000' : kind === 'submodule' ? '160000' : '100644';
    entries.push({ path, mode, type: kind === 'submodule' ? 'commit' : 'blob', sha: blobSha(content), size: content.length });
  }
  return [...[...folders].map((path) => ({ path, mode: '040000', type: 'tree', sha: blobSha(Buffer.from(path)) })), ...entries];
}

function pullJson(repo: Repo, p: StandInPull): Record<string, unknown> {
  return {
    number: p.number,
    changed_files: p.files.length,
    state: p.state,
    draft: p.draft,
    user: { login: p.author, type: 'User' },
    head: { sha: p.headSha, ref: `feature-${p.number}`, repo: { name: repo.name, owner: { login: repo.owner } } },
    base: { sha: p.baseSha, ref: repo.defaultBranch, repo: { name: repo.name, owner: { login: repo.owner }, default_branch: repo.defaultBranch } },
  };
}

function paginate(url: string, query: URLSearchParams, items: readonly unknown[], defaultPerPage = 30): Reply {
  const perPage = Math.min(Number(query.get('per_page') ?? defaultPerPage) || defaultPerPage, 100);
  const page = Math.max(Number(query.get('page') ?? 1) || 1, 1);
  const pages = Math.max(1, Math.ceil(items.length / perPage));
  const headers: Record<string, string> = {};
  if (page < pages) {
    const next = new URLSearchParams(query);
    next.set('page', String(page + 1));
    next.set('per_page', String(perPage));
    headers.link = `<${url}?${next}>; rel="next"`;
  }
  return { status: 200, body: items.slice((page - 1) * perPage, page * perPage), headers };
}

function notFound(): Reply {
  return { status: 404, body: { message: 'Not Found' } };
}

function unprocessable(message: string, errors: string[] = []): Reply {
  return { status: 422, body: { message, errors } };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
