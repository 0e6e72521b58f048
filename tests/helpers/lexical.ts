/** A Lexical answer whose one paragraph holds a link (or an autolink) to `url`. */
export const answerLinkingTo = (url: string, type: 'link' | 'autolink' = 'link') => ({
  root: {
    type: 'root',
    format: '',
    indent: 0,
    version: 1,
    direction: 'ltr',
    children: [
      {
        type: 'paragraph',
        format: '',
        indent: 0,
        version: 1,
        direction: 'ltr',
        textFormat: 0,
        children: [
          { type: 'text', text: 'See ', format: 0, style: '', mode: 'normal', detail: 0, version: 1 },
          {
            type,
            format: '',
            indent: 0,
            version: 3,
            direction: 'ltr',
            id: '6750a1b2c3d4e5f601234567',
            fields: { url, linkType: 'custom', newTab: false },
            children: [{ type: 'text', text: 'the guide', format: 0, style: '', mode: 'normal', detail: 0, version: 1 }],
          },
        ],
      },
    ],
  },
})
