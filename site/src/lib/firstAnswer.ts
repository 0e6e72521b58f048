import { segmenter, type AskResult } from '../../../content/ask'
import type { Locale } from '../../../content/schema'
import { loadBox } from './askBox'
import { firstAnswerEvent, firstAnswerFlag, resultsReplyId } from './resultsPage'

type Strings = Record<'ask.answer' | 'ask.suggestions' | 'ask.unsure' | 'ask.loading', string>

const element = (tag: string, attributes: Record<string, string>, ...children: (Node | string)[]) => {
  const node = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value)
  node.append(...children)
  return node
}

const links = (candidates: AskResult['alternatives']) =>
  element('ul', { class: 'ask-list' }, ...candidates.map(({ url, question }) => element('li', {}, element('a', { href: url }, question))))

/**
 * What the ask box's island draws first for a question, as the same markup (AskBox.tsx): the answer
 * (kicker, linked title, text) when it is sure, else its suggestions, else that it is not sure. What the
 * island adds below it (others like it, the vote, more results, the contact) waits for the island.
 */
function draw(result: AskResult, answers: Record<string, string>, strings: Strings): Element {
  if (result.match) {
    const text = element('div', { class: 'ask-text' })
    // answers.json holds the Q&A pages' own HTML, rendered at build time from sanitized Markdown.
    text.innerHTML = answers[result.match] ?? ''
    return element(
      'article',
      { class: 'ask-answer', 'aria-labelledby': 'ask-answer-title', 'data-first': '' },
      element('p', { class: 'ask-kicker' }, strings['ask.answer']),
      element('h2', { id: 'ask-answer-title' }, element('a', { href: result.url ?? '' }, result.question ?? '')),
      text,
    )
  }
  const unsure = element('div', { class: 'ask-unsure', 'data-first': '' })
  if (result.alternatives.length) unsure.append(element('p', {}, strings['ask.suggestions']), links(result.alternatives))
  else unsure.append(element('p', {}, strings['ask.unsure']))
  return unsure
}

/**
 * The results page (/<mpp>/<locale>/search/?q=) answers the question in its address before React
 * arrives: this script puts the question in the field, loads the index and the answers the page
 * preloads, and draws the answer into the page's reply area. The island, which loads after this
 * (client:answered), takes the same loaded index (loadBox keeps it), draws the same answer with
 * the rest of the box and removes what was drawn here. If anything fails here the island still
 * loads and says so.
 */
export async function drawFirstAnswer(): Promise<void> {
  try {
    const reply = document.getElementById(resultsReplyId)
    const query = new URL(location.href).searchParams.get('q') ?? ''
    if (!reply || !query.trim()) return
    const field = document.getElementById('ask-query')
    if (field instanceof HTMLInputElement && !field.value) field.value = query
    const { indexUrl = '', answersUrl = '', strings = '{}' } = reply.dataset
    const text = JSON.parse(strings) as Strings
    // Busy until the island has drawn its own reply (AskBox.tsx), so a screen reader announces the answer once.
    reply.setAttribute('aria-busy', 'true')
    reply.replaceChildren(element('p', { class: 'ask-status', 'data-first': '' }, text['ask.loading']))
    const loading = loadBox(indexUrl, answersUrl)
    // A word segmenter loads its dictionaries (Thai, Chinese, Japanese) on first use, tens of
    // milliseconds on a phone: that happens while the index downloads, not after.
    Array.from(segmenter(document.documentElement.lang as Locale).segment(query))
    const box = await loading
    // The user may have typed meanwhile and woken the island, which then draws its own reply.
    const onlyOurs = [...reply.children].every((node) => node.hasAttribute('data-first'))
    if (onlyOurs && field instanceof HTMLInputElement && field.value === query)
      reply.replaceChildren(draw(box.ask(query), box.answers, text))
  } catch {
    // The island loads next, asks again and shows its own failure state.
  } finally {
    // After the frame that shows the answer has been drawn (the second animation frame from now), so
    // that React's download and start-up never hold that frame back.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        document.documentElement.setAttribute(firstAnswerFlag, '')
        dispatchEvent(new Event(firstAnswerEvent))
      }),
    )
  }
}
