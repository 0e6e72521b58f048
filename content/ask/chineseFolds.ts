import * as OpenCC from 'opencc-js'

import type { HanFolds } from './analyze'

const toSimplified = [OpenCC.Converter({ from: 'tw', to: 'cn' }), OpenCC.Converter({ from: 'hk', to: 'cn' })]
const toTraditional = [OpenCC.Converter({ from: 'cn', to: 'tw' }), OpenCC.Converter({ from: 'cn', to: 'hk' })]

/**
 * The Chinese folds for one MPP's text (build time only, so OpenCC's tables never reach the
 * browser): every Han character of the text and the traditional forms of its simplified one, each
 * mapped to the simplified form. The question is folded with the same table, so "帳戶", "賬戶"
 * and "账户" meet. Characters the MPP never writes cannot match anyway and are left out.
 */
export function chineseFolds(texts: string[]): HanFolds {
  const folds: HanFolds = {}
  const chars = new Set(texts.join('').match(/\p{Script=Han}/gu) ?? [])
  for (const char of chars) {
    for (const simplified of new Set(toSimplified.map((convert) => convert(char)))) {
      if ([...simplified].length !== 1) continue
      for (const form of new Set([char, ...toTraditional.map((convert) => convert(simplified))])) {
        if ([...form].length === 1 && form !== simplified) folds[form] = simplified
      }
    }
  }
  return folds
}
