import { useEffect, useRef, useState, type SubmitEvent } from 'react'

import { normalizeQuery, searchLimit, searchOptions, type SearchDoc } from '../../../content/search'
import { translate } from '../i18n/format'

type Props = {
  /** The tenant and locale's search file, built by search.json.ts. */
  indexUrl: string
  /** Where the form goes when scripts never run: the Q&A list. */
  fallbackUrl: string
  strings: Record<string, string>
}

type Finder = (query: string) => SearchDoc[]

/** Loads Fuse and the prebuilt index once, on the first query. */
async function loadFinder(indexUrl: string): Promise<Finder> {
  const [{ default: Fuse }, response] = await Promise.all([import('fuse.js'), fetch(indexUrl)])
  if (!response.ok) throw new Error(`${indexUrl} answered ${response.status}`)
  const { docs, index } = (await response.json()) as { docs: SearchDoc[]; index: Parameters<typeof Fuse.parseIndex>[0] }
  const fuse = new Fuse(docs, searchOptions, Fuse.parseIndex<SearchDoc>(index))
  return (query) => fuse.search(query, { limit: searchLimit }).map((result) => result.item)
}

/** The search box over a tenant's guides and Q&As in the page's locale. */
export default function Search({ indexUrl, fallbackUrl, strings }: Props) {
  const t = translate(strings)
  const input = useRef<HTMLInputElement>(null)
  const finder = useRef<Promise<Finder> | null>(null)
  const [query, setQuery] = useState('')
  const [state, setState] = useState<{ status: 'idle' | 'loading' | 'done' | 'failed'; results: SearchDoc[] }>({
    status: 'idle',
    results: [],
  })

  useEffect(() => {
    // The first keystrokes land before hydration: take them from the field.
    if (input.current?.value) setQuery(input.current.value)
  }, [])

  useEffect(() => {
    const wanted = normalizeQuery(query)
    if (!wanted) return setState({ status: 'idle', results: [] })
    let current = true
    setState((previous) => ({ ...previous, status: 'loading' }))
    finder.current ??= loadFinder(indexUrl)
    finder.current.then(
      (find) => current && setState({ status: 'done', results: find(wanted) }),
      (error: unknown) => {
        console.error('[center] search failed', error)
        finder.current = null
        if (current) setState({ status: 'failed', results: [] })
      },
    )
    return () => {
      current = false
    }
  }, [query, indexUrl])

  const submit = (event: SubmitEvent) => {
    event.preventDefault()
    setQuery(input.current?.value ?? '')
  }

  return (
    <form role="search" className="search" action={fallbackUrl} onSubmit={submit}>
      <label htmlFor="search-query">{t('search.label')}</label>
      <div className="search-row">
        <input
          ref={input}
          id="search-query"
          name="q"
          type="search"
          autoComplete="off"
          enterKeyHint="search"
          onInput={(event) => setQuery(event.currentTarget.value)}
        />
        <button type="submit">{t('search.submit')}</button>
      </div>
      <p className="search-status" role="status">
        {state.status === 'loading' && t('search.loading')}
        {state.status === 'failed' && t('search.failed')}
        {state.status === 'done' &&
          (state.results.length ? t('search.results', { count: String(state.results.length) }) : t('search.none'))}
      </p>
      {state.status === 'done' && state.results.length > 0 && (
        <ul className="search-results">
          {state.results.map((doc) => (
            <li key={doc.url}>
              <a href={doc.url}>
                <span className="search-kind">{t(`search.kind.${doc.kind}`)}</span> {doc.title}
              </a>
            </li>
          ))}
        </ul>
      )}
    </form>
  )
}
