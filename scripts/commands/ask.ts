import { askFromCms } from '../lib/ask'
import { withCms } from './withCms'

/** `center ask`: the ask box's answer to one question, as JSON. */
export async function askCommand(words: string[], { tenant, locale }: { tenant: string; locale: string }): Promise<void> {
  console.log(JSON.stringify(await withCms((payload) => askFromCms(payload, tenant, locale, words.join(' '))), null, 2))
}
