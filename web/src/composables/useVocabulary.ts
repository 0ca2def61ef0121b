import { useI18n } from 'vue-i18n'
import type { Term, Vocabularies, VocabularyKind } from '../api/client'
import { currentPlan } from '../state'

// The words a plan's records use — an enterprise's segment, a zone's kind, a project's type, a
// carrier's or a candidate's kind — are the plan's, not the app's: each plan declares them with
// their names (GET /plan `vocabularies`), and the app names a record's word from there. No page
// and no message file lists them, so a plan with other words needs no change to the app.

// Each vocabulary list indexed by id once (the lists are the plan answer's own arrays).
const indexes = new WeakMap<Term[], Map<string, Term>>()

function lookup(list: Term[], id: string): Term | undefined {
  let index = indexes.get(list)
  if (!index) {
    index = new Map(list.map((t) => [t.id, t]))
    indexes.set(list, index)
  }
  return index.get(id)
}

/** A term's name in `locale`, falling back to the other language and then to its id. Pure. */
export function termLabel(term: Term, locale: string): string {
  const n = term.name
  return (locale === 'en' ? n?.en || n?.zh : n?.zh || n?.en) || term.id
}

/**
 * The name of the word `id` of `kind` in `locale`: the plan's name for it, or the id itself when
 * the plan (or its answer, not yet arrived) does not name it; '—' for no word. Pure.
 */
export function termName(vocabularies: Partial<Vocabularies> | null | undefined, kind: VocabularyKind, id: string | null | undefined, locale: string): string {
  if (!id) return '—'
  const list = vocabularies?.[kind]
  const term = list ? lookup(list, id) : undefined
  return term ? termLabel(term, locale) : id
}

/** A vocabulary as the options of a filter, in the plan's order: `{value: id, label: name}`. Pure. */
export function termOptions(vocabularies: Partial<Vocabularies> | null | undefined, kind: VocabularyKind, locale: string): { value: string; label: string }[] {
  return (vocabularies?.[kind] ?? []).map((t) => ({ value: t.id, label: termLabel(t, locale) }))
}

/** The current plan's words, named in the current language. */
export function useVocabulary() {
  const { locale } = useI18n()

  /** The name of a record's word (`term('segment', e.segment)`); the id when the plan names it not. */
  function term(kind: VocabularyKind, id: string | null | undefined): string {
    return termName(currentPlan.value?.vocabularies, kind, id, locale.value)
  }

  /** The plan's words of `kind`, in its order (empty until the plan has arrived). */
  function terms(kind: VocabularyKind): Term[] {
    return currentPlan.value?.vocabularies?.[kind] ?? []
  }

  /** The words of `kind` as filter options, named in the current language. */
  function options(kind: VocabularyKind): { value: string; label: string }[] {
    return termOptions(currentPlan.value?.vocabularies, kind, locale.value)
  }

  return { term, terms, options }
}
