/**
 * The floor: a bare HTTP server over the floor store (floor-store.ts) that takes batches of
 * statements and answers the same indexed queries. No validation, no auth, no framework.
 *   PORT, DB_FILE
 */
import http from 'node:http';
import { encodeCursor, nextPagePlan, planQuery, type StatementQuery } from '../../src/lrs/statements/query-plan.ts';
import { openFloorStore } from './floor-store.ts';

const { storeBatch, run } = await openFloorStore(process.env.DB_FILE as string);

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://floor');
  if (req.method === 'POST') {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const statements = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Array<Record<string, unknown>>;
      storeBatch(statements);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(statements.map((s) => s.id)));
    });
    return;
  }
  const p = url.searchParams;
  const query: StatementQuery = p.has('more')
    ? { cursor: p.get('more') as string }
    : {
        agent: p.has('agent') ? JSON.parse(p.get('agent') as string) : undefined,
        verb: p.get('verb') ?? undefined,
        activity: p.get('activity') ?? undefined,
        registration: p.get('registration') ?? undefined,
        related_activities: p.get('related_activities') === 'true',
        since: p.get('since') ?? undefined,
        limit: p.has('limit') ? Number(p.get('limit')) : undefined,
      };
  const plan = planQuery(query);
  const rows = run(plan);
  const kept = rows.slice(0, plan.limit);
  const more = rows.length > plan.limit ? `/xapi/statements?more=${encodeCursor(nextPagePlan(plan, kept[kept.length - 1].sid))}` : '';
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(`{"statements":[${kept.map((r) => r.full).join(',')}],"more":${JSON.stringify(more)}}`);
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log(JSON.stringify({ ready: true })));
