/**
 * Offline support: a service worker per tenant, scoped to /<tenant>/, so a page seen once
 * still opens in a webview that lost its connection.
 */

/** The worker's URL and scope for a tenant. */
export const serviceWorkerPath = (tenant: string) => ({ url: `/${tenant}/sw.js`, scope: `/${tenant}/` })

/** The few bytes of inline script that register the tenant's worker once the page has loaded. */
export function registrationScript(tenant: string): string {
  const { url, scope } = serviceWorkerPath(tenant)
  return `if("serviceWorker"in navigator)addEventListener("load",function(){navigator.serviceWorker.register(${JSON.stringify(url)},{scope:${JSON.stringify(scope)}})})`
}

/**
 * The worker's source. Pages, search indexes and everything else unhashed go to the network
 * first and fall back to the copy kept from the last visit; a page never kept gets the locale's
 * offline page (then its home, for a build from before the offline page). Hashed assets and
 * images come from the cache first. `precache` is fetched on install.
 */
export function serviceWorkerSource(options: { tenant: string; version: string; precache: string[] }): string {
  const cache = JSON.stringify(`center-${options.tenant}-${options.version}`)
  const prefix = JSON.stringify(`center-${options.tenant}-`)
  const scope = JSON.stringify(serviceWorkerPath(options.tenant).scope)
  return `const CACHE=${cache},PRECACHE=${JSON.stringify(options.precache)},SCOPE=${scope};
self.addEventListener("install",e=>{e.waitUntil(caches.open(CACHE).then(c=>c.addAll(PRECACHE)).then(()=>self.skipWaiting()))});
self.addEventListener("activate",e=>{e.waitUntil(caches.keys().then(keys=>Promise.all(keys.filter(k=>k.startsWith(${prefix})&&k!==CACHE).map(k=>caches.delete(k)))).then(()=>self.clients.claim()))});
const immutable=p=>p.includes("/_astro/")||p.includes("/media/");
const home=p=>{const m=p.slice(SCOPE.length).split("/")[0];return SCOPE+(m?m+"/":"")};
async function networkFirst(req){const c=await caches.open(CACHE);try{const res=await fetch(req);if(res.ok)c.put(req,res.clone());return res}catch(err){const hit=await c.match(req,{ignoreSearch:true});if(hit)return hit;if(req.mode==="navigate"){const h=home(new URL(req.url).pathname);const page=await c.match(h+"offline/")||await c.match(h);if(page)return page}throw err}}
async function cacheFirst(req){const c=await caches.open(CACHE);const hit=await c.match(req);if(hit)return hit;const res=await fetch(req);if(res.ok)c.put(req,res.clone());return res}
self.addEventListener("fetch",e=>{const req=e.request;const url=new URL(req.url);if(req.method!=="GET"||url.origin!==location.origin||!url.pathname.startsWith(SCOPE))return;e.respondWith(immutable(url.pathname)?cacheFirst(req):networkFirst(req))});
`
}
