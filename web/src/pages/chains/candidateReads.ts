import { api } from '../../api'
import { reads, type ChainQuery, type LinkCandidates } from '../../api/client'
import { answerCache } from './candidateView'

// The candidates of a chain's links (GET /chains/{id}/links/{link}/candidates), read through one
// cache keyed by the read's URL (plan, date and sample switch included): the open link's panel and
// the gap list's rows share the answers, so a link's candidates are read once. The gap list's rows
// read theirs as they come into view, two at a time (queued); the open link's goes at once.

const cache = answerCache<LinkCandidates>(2)

export function candidatesKey(chain: string, link: string, q: ChainQuery): string {
  return api.readUrl(reads.linkCandidates(chain, link, q))
}

export function readCandidates(chain: string, link: string, q: ChainQuery, opts: { queued?: boolean; fresh?: boolean } = {}): Promise<LinkCandidates> {
  const read = reads.linkCandidates(chain, link, q)
  const key = api.readUrl(read)
  if (opts.fresh) cache.forget(key)
  return cache.get(key, () => api.read(read), { queued: opts.queued })
}

export function peekCandidates(chain: string, link: string, q: ChainQuery): LinkCandidates | undefined {
  return cache.peek(candidatesKey(chain, link, q))
}
