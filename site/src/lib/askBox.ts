import { AskEngine, asker, searcher, type AskIndex, type AskResult, type SearchHit } from '../../../content/ask'

/** One tenant and locale's ask box: its engine over the index, and the answers' HTML by Q&A slug. */
export type Box = { ask: (query: string) => AskResult; search: (query: string) => SearchHit[]; answers: Record<string, string> }

const loaded = new Map<string, Promise<Box>>()

/**
 * Loads the index (search.json) and the answers (answers.json) once per page, whoever asks first
 * (the results page's first-answer script, then its island); the engine only decodes them. A
 * failed load is forgotten, so the next question tries again.
 */
export function loadBox(indexUrl: string, answersUrl: string): Promise<Box> {
  const key = `${indexUrl} ${answersUrl}`
  let box = loaded.get(key)
  if (!box) {
    box = fetchBox(indexUrl, answersUrl)
    loaded.set(key, box)
    box.catch(() => loaded.delete(key))
  }
  return box
}

async function fetchBox(indexUrl: string, answersUrl: string): Promise<Box> {
  const [index, answers] = await Promise.all(
    [indexUrl, answersUrl].map(async (url) => {
      const response = await fetch(url)
      if (!response.ok) throw new Error(`${url} answered ${response.status}`)
      return response.json() as Promise<unknown>
    }),
  )
  const engine = new AskEngine(index as AskIndex)
  return { ask: asker(engine), search: searcher(engine), answers: answers as Record<string, string> }
}
