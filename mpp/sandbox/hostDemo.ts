/**
 * The sandbox's host-app demo page, GET /<tenant>/sandbox/host?page=<Center page URL>: a stand-in
 * for the wallet app that frames a Center page and answers its token requests through the host
 * bridge (docs/host-bridge.md), so the whole flow can be watched in a desktop browser.
 */

/** The Center page a demo may frame: an http(s) URL whose path starts with the tenant, or null. */
export function demoCenterPage(tenant: string, page: string | null): URL | null {
  if (!page) return null
  try {
    const url = new URL(page)
    if (!/^https?:$/.test(url.protocol) || !url.pathname.startsWith(`/${tenant}/`)) return null
    url.hash = ''
    return url
  } catch {
    return null
  }
}

/** JSON safe inside a <script> element: no "</script>" or HTML comment can close it. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c')

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/**
 * The demo page: it opens the Center with a token in the fragment (an expired one with
 * `start=expired`, to see the renewal at once), and answers every `center:token-request` from the
 * framed Center's origin with a fresh token, posted to that origin only. `answer=none` plays a host
 * that never answers; `answer=unavailable` one that has no token to give.
 */
export function hostDemoPage(options: {
  tenant: string
  page: URL
  user: string
  start: 'fresh' | 'expired'
  answer: 'token' | 'none' | 'unavailable'
}): string {
  const { tenant, page, user, start, answer } = options
  const config = { tenant, page: page.href, centerOrigin: page.origin, user, start, answer }
  const script = `const C=${scriptJson(config)};
const log=t=>{const li=document.createElement("li");li.textContent=new Date().toLocaleTimeString()+" "+t;document.getElementById("log").prepend(li)};
const token=async seconds=>{const r=await fetch("token",{method:"POST",body:JSON.stringify({user:C.user,seconds})});return (await r.json()).token};
const frame=document.getElementById("center");
addEventListener("message",async e=>{
if(e.source!==frame.contentWindow||e.origin!==C.centerOrigin)return;
const m=e.data;if(!m||m.type!=="center:token-request"||m.tenant!==C.tenant)return;
log("The Center asked for a fresh token.");
if(C.answer==="none"){log("This host does not answer (answer=none).");return}
if(C.answer==="unavailable"){frame.contentWindow.postMessage({type:"center:token-unavailable",tenant:C.tenant},C.centerOrigin);log("Answered: no token to give.");return}
frame.contentWindow.postMessage({type:"center:token",tenant:C.tenant,token:await token()},C.centerOrigin);log("Sent a fresh token.")});
token(C.start==="expired"?-60:undefined).then(t=>{frame.src=C.page+"#token="+t;log(C.start==="expired"?"Opened the Center with an expired token.":"Opened the Center.")});`
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Sandbox wallet: ${escapeHtml(tenant)}</title>
<style>body{font:15px system-ui,sans-serif;margin:1rem;display:flex;flex-wrap:wrap;gap:1.5rem}iframe{width:390px;height:720px;border:10px solid #222;border-radius:28px;background:#fff}section{flex:1 1 18rem;min-width:16rem}ol{max-width:32rem;padding-inline-start:1.2rem}code{font-size:13px}</style></head>
<body><iframe id="center" title="Center"></iframe><section><h1>Sandbox wallet app: ${escapeHtml(tenant)}</h1>
<p>This page plays the wallet app: it frames <code>${escapeHtml(page.href)}</code> and answers the Center's token requests (docs/host-bridge.md). The Center must allow this origin to frame it: <code>CENTER_FRAME_ANCESTORS=&lt;this origin&gt;</code>.</p>
<ol id="log" reversed></ol></section><script>${script}</script></body></html>`
}
