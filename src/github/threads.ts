import type { GitHub } from './octokit.js';

interface ThreadsResponse {
  repository: {
    pullRequest: {
      reviewThreads: {
        pageInfo?: { hasNextPage: boolean; endCursor: string | null };
        nodes: Array<{
          id: string;
          isResolved: boolean;
          path: string;
          comments: { totalCount: number; nodes: Array<{ body: string; author: { __typename?: string; login?: string } | null }> };
        }>;
      };
    } | null;
  };
}

type ThreadsPage = NonNullable<ThreadsResponse['repository']['pullRequest']>['reviewThreads'];

const THREADS_QUERY = `query($owner: String!, $repo: String!, $number: Int!, $after: String) {
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $number) {
      reviewThreads(first: 100, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes { id isResolved path comments(first: 1) { totalCount nodes { body author { __typename login } } } }
      }
    }
  }
}`;

const RESOLVE_MUTATION = `mutation($id: ID!) { resolveReviewThread(input: { threadId: $id }) { thread { id } } }`;

/**
 * Whether GraphQL's author of a comment is our app's bot. GraphQL names a bot by its app slug
 * (`pr-reviewer`), REST by `pr-reviewer[bot]`; `botLogin` is the REST form.
 */
export function isOurGraphqlAuthor(author: { __typename?: string; login?: string } | null | undefined, botLogin: string): boolean {
  return Boolean(botLogin) && author?.__typename === 'Bot' && author.login !== undefined && `${author.login}[bot]` === botLogin;
}

/**
 * Resolves our own earlier threads (opened by our app's bot) whose finding is gone after a push.
 * A thread someone replied to is left alone (never deleted, never resolved over a human's head),
 * and so is any thread another bot opened, whatever marker it carries.
 */
export async function resolveGoneThreads(
  octokit: GitHub,
  owner: string,
  repo: string,
  pullNumber: number,
  botLogin: string,
  isGone: (path: string, firstCommentBody: string) => boolean,
): Promise<number> {
  const threads: ThreadsPage['nodes'] = [];
  // Every page of threads: a long-lived pull request can hold more than one page of them.
  for (let after: string | null = null; ;) {
    const data: ThreadsResponse = await octokit.graphql<ThreadsResponse>(THREADS_QUERY, { owner, repo, number: pullNumber, after });
    const page = data.repository.pullRequest?.reviewThreads;
    threads.push(...(page?.nodes ?? []));
    if (!page?.pageInfo?.hasNextPage || !page.pageInfo.endCursor) break;
    after = page.pageInfo.endCursor;
  }
  let resolved = 0;
  for (const thread of threads) {
    const first = thread.comments.nodes[0];
    if (thread.isResolved || !first || thread.comments.totalCount !== 1 || !isOurGraphqlAuthor(first.author, botLogin)) continue;
    if (!isGone(thread.path, first.body)) continue;
    await octokit.graphql(RESOLVE_MUTATION, { id: thread.id });
    resolved++;
  }
  return resolved;
}
