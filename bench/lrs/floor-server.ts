/**
 * The floor: a bare node:http server over the floor store that takes batches of statements and
 * answers the benchmark's queries from its indexed columns. No validation, no auth, no framework.
 *   PORT, DB_FILE (SQLite) or DATABASE_URL (postgres://...)
 */
import http from 'node:http';
import { agentIfi } from '../../src/lrs/agents/agent-ifi.ts';
import { lowestStoredIdAt } from '../../src/lrs/storage/stored-id.ts';
import type { FloorColumn, FloorQuery } from './floor-rows.ts';
import { openSqliteFloorStore } from './floor-store.ts';
import { openPgFloorStore } from './floor-store-pg.ts';

const url = process.env.DATABASE_URL;
const store = url?.startsWith('postgres') ? await openPgFloorStore(url) : openSqliteFloorStore(process.env.DB_FILE as string);

function queryOf(p: URLSearchParams): FloorQuery {
  if (p.has('more')) return JSON.parse(Buffer.from(p.get('more') as string, 'base64url').toString('utf8')) as FloorQuery;
  const where: Array<[FloorColumn, string]> = [];
  if (p.has('agent')) where.push(['agent', agentIfi(JSON.parse(p.get('agent') as string)) as string]);
  if (p.has('verb')) where.push(['verb', p.get('verb') as string]);
  if (p.has('activity')) where.push([p.get('related_activities') === 'true' ? 'parent' : 'activity', p.get('activity') as string]);
  if (p.has('registration')) where.push(['registration', (p.get('registration') as string).toLowerCase()]);
  const since = p.get('since');
  return { where, from: since ? lowestStoredIdAt(Math.floor(Date.parse(since)) + 1) : undefined, limit: Number(p.get('limit') ?? 100) };
}

const server = http.createServer((req, res) => {
  const fail = (error: unknown) => {
    res.writeHead(500);
    res.end(String(error));
  };
  if (req.method === 'POST') {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const statements = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Array<Record<string, unknown>>;
      store.storeBatch(statements).then(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(statements.map((s) => s.id)));
      }, fail);
    });
    return;
  }
  const query = queryOf(new URL(req.url ?? '/', 'http://floor').searchParams);
  store.run(query).then((rows) => {
    const kept = rows.slice(0, query.limit);
    const more = rows.length > query.limit ? `/xapi/statements?more=${Buffer.from(JSON.stringify({ ...query, after: kept[kept.length - 1].sid })).toString('base64url')}` : '';
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(`{"statements":[${kept.map((r) => r.full).join(',')}],"more":${JSON.stringify(more)}}`);
  }, fail);
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log(JSON.stringify({ ready: true })));
