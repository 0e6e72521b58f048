import { describe, expect, test } from 'vitest'

describe('content Markdown', () => {
  test('renders paragraphs, emphasis, lists and links', async () => {
    const { renderMarkdown } = await import('../../content/markdown')
    expect(renderMarkdown('Tap **Pay**.\n\n- one\n- two\n\n[Terms](https://mpp.example/terms)')).toBe(
      '<p>Tap <strong>Pay</strong>.</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<p><a href="https://mpp.example/terms">Terms</a></p>\n',
    )
  })

  test("an editor's <script> and javascript: link render inert", async () => {
    const { renderMarkdown } = await import('../../content/markdown')
    const html = renderMarkdown('<script>alert(1)</script> [click](javascript:alert(1))')
    expect(html).not.toContain('<script')
    expect(html).toContain('&lt;script&gt;')
    expect(html).not.toContain('href="javascript:')
  })
})
