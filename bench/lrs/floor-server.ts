/**
 * The floor: a bare HTTP server that stores the same rows as the LRS (whole statement JSON,
 * indexed columns, term link rows) into SQLite with better-sqlite3, one transaction per batch,
 * and answers the same indexed queries. No validation, no auth, no framework.
 *   PORT, DB_FILE
 */
import http from 'node:http';
import BetterSqlite3 from 'better-sqlite3';
import { openDatabase } from '../../src/server/db/connection.ts';
import { migrateToLatest } from '../../src/server/db/migrator.ts';
import { ownTerms, statementRefTarget } from '../../src/lrs/statements/statement-terms.ts';
import { createStoredIdGenerator } from '../../src/lrs/storage/stored-id.ts';
import { encodeCursor, nextPagePlan, planQuery, type QueryPlan, type StatementQuery } from '../../src/lrs/statements/query-plan.ts';

const file = process.env.DB_FILE as string;
const schema = await openDatabase(`sqlite:${file}`);
await migrateToLatest(schema);
await schema.close();

const db = new BetterSqlite3(file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
const insertStatement = db.prepare('insert into lrs_statement (sid, statement_id, stored, voided, ref_target, "full") values (?, ?, ?, 0, ?, ?)');
const insertTerm = db.prepare('insert into lrs_statement_term (term, sid) values (?, ?)');
const ids = createStoredIdGenerator(() => new Date());
const authority = { objectType: 'Agent', name: 'floor', account: { homePage: 'http://floor', name: 'floor' } };

const storeBatch = db.transaction((statements: Array<Record<string, unknown>>) => {
  for (const s of statements) {
    const { sid, stored } = ids.next();
    const full = { ...s, stored: stored.toISOString(), authority };
    insertStatement.run(sid, String(s.id), full.stored, statementRefTarget(full) ?? null, JSON.stringify(full));
    for (const t of ownTerms(full)) insertTerm.run(t, sid);
  }
});

const queries = new Map<string, BetterSqlite3.Statement>();
function run(plan: QueryPlan): Array<{ sid: string; full: string }> {
  const key = plan.terms.length > 0 ? 't0.sid' : 's.sid';
  const from = plan.terms.length > 0 ? [...plan.terms.map((_, i) => `lrs_statement_term t${i}`), 'lrs_statement s'].join(' cross join ') : 'lrs_statement s';
  const where = ['s.voided = 0'];
  const params: unknown[] = [];
  plan.terms.forEach((t, i) => {
    where.push(`t${i}.term = ?`, i === 0 ? 's.sid = t0.sid' : `t${i}.sid = t0.sid`);
    params.push(t);
  });
  if (plan.from) (where.push(`${key} >= ?`), params.push(plan.from));
  if (plan.to) (where.push(`${key} < ?`), params.push(plan.to));
  if (plan.after) (where.push(`${key} ${plan.ascending ? '>' : '<'} ?`), params.push(plan.after));
  const sql = `select s.sid, s."full" from ${from} where ${where.join(' and ')} order by ${key} ${plan.ascending ? 'asc' : 'desc'} limit ?`;
  let statement = queries.get(sql);
  if (!statement) queries.set(sql, (statement = db.prepare(sql)));
  return statement.all(...params, plan.limit + 1) as Array<{ sid: string; full: string }>;
}

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
