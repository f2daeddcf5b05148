/**
 * Serves the LRS alone on a fresh database, for the conformance suite and the durability test.
 *   PORT (default 18081), DATABASE_URL (default: a new temp SQLite file), CREDENTIALS_FILE
 *   (where {key, secret, endpoint} is written; default: printed on stdout).
 * When DATABASE_URL points at an existing SQLite file, it is reused (restart after kill -9).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { openDatabase } from '../../../src/server/db/connection.ts';
import { migrateToLatest } from '../../../src/server/db/migrator.ts';
import { createLrs } from '../../../src/lrs/index.ts';

const port = Number(process.env.PORT ?? 18081);
const url = process.env.DATABASE_URL ?? `sqlite:${path.join(os.tmpdir(), `lrs-serve-${process.pid}-${Date.now()}.db`)}`;
const database = await openDatabase(url);
await migrateToLatest(database);
const baseUrl = `http://127.0.0.1:${port}`;
const lrs = createLrs({ db: database.shared, dialect: database.dialect, baseUrl });
const app = express();
app.use('/xapi', lrs.router);
const credentialsFile = process.env.CREDENTIALS_FILE;
let credential: { key: string; secret: string };
if (credentialsFile && fs.existsSync(credentialsFile)) {
  credential = JSON.parse(fs.readFileSync(credentialsFile, 'utf8')) as { key: string; secret: string };
} else {
  credential = await lrs.credentials.create({ name: 'conformance', scopes: ['all'] });
}
const info = JSON.stringify({ ...credential, endpoint: `${baseUrl}/xapi`, database: url });
if (credentialsFile) fs.writeFileSync(credentialsFile, info);
app.listen(port, '127.0.0.1', () => {
  console.log(info);
});
