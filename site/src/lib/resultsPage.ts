/**
 * The results page (/<mpp>/<locale>/search/?q=) draws its first answer before React arrives
 * (lib/firstAnswer.ts): into its own reply area, which the page renders, and then it says so with
 * an event on the window and a flag on <html>, which the island's directive (client:answered)
 * waits for before it loads. Kept free of imports: the directive is inlined into every such page.
 */
export const resultsReplyId = 'ask-reply'
export const firstAnswerEvent = 'center:first-answer'
export const firstAnswerFlag = 'data-first-answer'
