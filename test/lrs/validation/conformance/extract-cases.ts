/**
 * One-off tool: turns the ADL conformance suite's templated statement tests (test/<version>/configs)
 * into plain fixtures { version, file, group, name, statement, expect } so the validator can be
 * checked against exactly what the suite sends, without running an LRS.
 *
 * Usage: npx tsx test/lrs/validation/conformance/extract-cases.ts <suite-git-dir> [ref]
 * Writes test/lrs/validation/conformance/cases.json. Only reads the suite; runs none of its code
 * except the config files, which are plain data builders.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type TemplateItem = Record<string, unknown>;
interface SuiteTest { name: string; templates?: TemplateItem[]; json?: unknown; expect: number[] }
interface SuiteGroup { name: string; config: SuiteTest[] }

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Same semantics as the npm `extend` package in deep mode, which the suite uses. */
function deepExtend(target: Record<string, unknown> | unknown[], source: Record<string, unknown> | unknown[]): unknown {
  const t = target as Record<string, unknown>;
  for (const [key, copy] of Object.entries(source)) {
    if (copy === t) continue;
    if (Array.isArray(copy)) {
      const current = t[key];
      t[key] = deepExtend(Array.isArray(current) ? current : [], copy);
    } else if (isPlainObject(copy)) {
      const current = t[key];
      t[key] = deepExtend(isPlainObject(current) ? current : {}, copy);
    } else if (copy !== undefined) {
      t[key] = copy;
    }
  }
  return t;
}

function loadTemplates(folder: string): Record<string, Record<string, unknown>> {
  const mapping: Record<string, Record<string, unknown>> = {};
  for (const sub of readdirSync(folder)) {
    const files: Record<string, unknown> = {};
    mapping[sub] = files;
    for (const file of readdirSync(join(folder, sub))) {
      if (!file.endsWith('.json')) continue;
      files[file.slice(0, -5)] = JSON.parse(readFileSync(join(folder, sub, file), 'utf8')) as Json;
    }
  }
  return mapping;
}

function resolve(templatesFolder: string, items: TemplateItem[]): unknown {
  const mapping = loadTemplates(templatesFolder); // fresh copy per test: the merge mutates it
  const converted = items.map((item) => {
    const key = Object.keys(item)[0] as string;
    const value = item[key];
    if (typeof value === 'string' && value.startsWith('{{') && value.endsWith('}}')) {
      let node: unknown = mapping;
      for (const part of value.slice(2, -2).split('.')) node = (node as Record<string, unknown>)[part];
      if (node === undefined) throw new Error(`not mapped: ${value}`);
      return { [key]: node };
    }
    return { [key]: structuredClone(value) };
  });
  converted.reverse();
  let from: Record<string, unknown> = {};
  converted.forEach((to, index) => {
    if (index > 0) {
      const target = to[Object.keys(to)[0] as string];
      if (isPlainObject(target) || Array.isArray(target)) deepExtend(target, from);
    }
    from = to;
  });
  return from[Object.keys(from)[0] as string];
}

function loadConfig(file: string): SuiteGroup[] {
  const module = { exports: {} as { config?: () => SuiteGroup[] } };
  const fakeHelper = { generateUUID: () => randomUUID() };
  const run = new Function('module', 'require', readFileSync(file, 'utf8'));
  run(module, () => fakeHelper);
  return module.exports.config ? module.exports.config() : [];
}

const [suiteGitDir, ref = 'HEAD'] = process.argv.slice(2);
if (!suiteGitDir) throw new Error('usage: extract-cases.ts <suite-git-dir> [ref]');
const commit = execFileSync('git', ['--git-dir', suiteGitDir, 'rev-parse', ref], { encoding: 'utf8' }).trim();
const work = mkdtempSync(join(tmpdir(), 'xapi-suite-'));
execFileSync('sh', ['-c', `git --git-dir='${suiteGitDir}' archive ${commit} test | tar -x -C '${work}'`]);

const cases: unknown[] = [];
for (const [version, dir] of [['1.0', 'v1_0_3'], ['2.0', 'v2_0']] as const) {
  const configs = join(work, 'test', dir, 'configs');
  for (const file of readdirSync(configs).sort()) {
    for (const group of loadConfig(join(configs, file))) {
      for (const test of group.config) {
        const statement = test.templates ? resolve(join(work, 'test', dir, 'templates'), test.templates) : test.json;
        cases.push({ version, file, group: group.name, name: test.name, statement, expect: test.expect[0] });
      }
    }
  }
}
rmSync(work, { recursive: true, force: true });
const out = join(dirname(fileURLToPath(import.meta.url)), 'cases.json');
// One case per line: compact, yet a regenerated file diffs case by case.
writeFileSync(out, `{"suiteCommit": ${JSON.stringify(commit)}, "cases": [\n${cases.map((c) => JSON.stringify(c)).join(',\n')}\n]}\n`);
console.log(`${cases.length} cases from suite ${commit} -> ${out}`);
