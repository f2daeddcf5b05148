import { z } from 'zod';
import type { SourceError } from './source-error.ts';
import type { AssetRef, Competency, CompetencyFramework, ModuleItem, ModuleVersion } from './types.ts';
import { MODULE_FORMAT_VERSION } from './types.ts';
import { checkYaml, duplicates, ErrorSink, identifier, positiveInt, text } from './schema-check.ts';
import { contentHash, sha256, toBuffer, toText, type FileContent } from './content-hash.ts';
import { isAudio, isSourceText, mediaTypeOf, unsafeSvgReason } from './media-types.ts';
import { parseLesson } from './parse-lesson.ts';
import { parseQuiz } from './parse-quiz.ts';
import { parseExercise } from './parse-exercise.ts';
import { DOCUMENTS_FOLDER } from './parse-document.ts';
import { parseScenario } from '../../roleplay/scenario/parse-scenario.ts';

export const MODULE_FILE = 'module.yaml';

const itemSchema = z.strictObject({
  id: identifier,
  type: z.enum(['lesson', 'quiz', 'exercise', 'roleplay']),
  title: text,
  file: text,
  competencies: z.array(z.string()).min(1, 'indiquez au moins une compétence travaillée'),
  audio: text.optional(),
  duration_minutes: positiveInt.optional(),
});

const moduleSchema = z.strictObject({
  id: identifier,
  title: text,
  summary: text,
  duration_minutes: positiveInt,
  level: z.enum(['débutant', 'intermédiaire', 'avancé']),
  competencies: z.array(z.string()).min(1, 'indiquez au moins une compétence'),
  items: z.array(itemSchema).min(1, 'au moins un élément'),
});

type RawItem = z.output<typeof itemSchema>;

/** A media file with its bytes, to be stored content-addressed next to the version. */
export interface ModuleAsset extends AssetRef {
  data: Buffer;
}

export type ModuleResult =
  | { ok: true; module: ModuleVersion; assets: ModuleAsset[] }
  | { ok: false; errors: SourceError[] };

export interface ModuleContext {
  /** The folder's name: module.yaml's id must match it. */
  folder: string;
  framework: CompetencyFramework;
}

const EXTENSION_BY_TYPE: Record<RawItem['type'], RegExp> = {
  lesson: /\.md$/,
  quiz: /\.ya?ml$/,
  exercise: /\.ya?ml$/,
  roleplay: /\.ya?ml$/,
};

/**
 * Turns the files of one module folder (paths relative to the folder) into a module version,
 * or into every error found, each with its file (relative to the courses root) and line. Pure.
 */
export function parseModuleFolder(files: ReadonlyMap<string, FileContent>, ctx: ModuleContext): ModuleResult {
  const where = (p: string) => `${ctx.folder}/${p}`;
  const moduleText = files.get(MODULE_FILE);
  if (moduleText === undefined) return { ok: false, errors: [{ file: where(MODULE_FILE), message: 'fichier module.yaml manquant dans ce dossier' }] };

  const { assets, errors } = collectAssets(files, where);
  const checked = checkYaml(moduleSchema, toText(moduleText), where(MODULE_FILE));
  if (!checked.ok) return { ok: false, errors: [...checked.errors, ...errors] };
  const raw = checked.value;
  const sink = new ErrorSink(checked.source);

  const known = new Map(ctx.framework.blocks.flatMap((b) => b.competencies.map((c) => [c.code, c] as const)));
  const declared = new Set(raw.competencies);
  if (raw.id !== ctx.folder) sink.at(['id'], `l’identifiant « ${raw.id} » doit être le nom du dossier, « ${ctx.folder} »`);
  raw.competencies.forEach((code, i) => {
    if (!known.has(code)) sink.at(['competencies', i], `compétence « ${code} » inconnue dans competences.yaml`);
  });
  for (const i of duplicates(raw.items, (it) => it.id)) sink.at(['items', i, 'id'], `l’identifiant « ${raw.items[i].id} » est déjà utilisé par un autre élément`);
  for (const i of duplicates(raw.items, (it) => it.file)) sink.at(['items', i, 'file'], `le fichier « ${raw.items[i].file} » est déjà utilisé par un autre élément`);

  const refs = new Map([...assets].map(([p, a]) => [p, assetRef(a)]));
  const items: ModuleItem[] = [];
  raw.items.forEach((item, i) => {
    const path = ['items', i];
    item.competencies.forEach((code, ci) => {
      if (!known.has(code)) sink.at([...path, 'competencies', ci], `compétence « ${code} » inconnue dans competences.yaml`);
      else if (!declared.has(code)) sink.at([...path, 'competencies', ci], `compétence « ${code} » absente de la liste « competencies » du module : ajoutez-la en haut de module.yaml`);
    });
    if (!EXTENSION_BY_TYPE[item.type].test(item.file)) sink.at([...path, 'file'], `un élément « ${item.type} » doit être un fichier ${item.type === 'lesson' ? '.md' : '.yaml'}`);
    if (item.audio !== undefined && item.type !== 'lesson') sink.at([...path, 'audio'], 'le son (« audio: ») ne se met que sur une leçon');
    const audio = item.audio === undefined ? undefined : refs.get(item.audio);
    if (item.audio !== undefined && (!audio || !isAudio(item.audio))) sink.at([...path, 'audio'], `fichier son introuvable : « ${item.audio} »`);
    const source = files.get(item.file);
    if (source === undefined) {
      sink.at([...path, 'file'], `fichier introuvable : « ${item.file} » n’existe pas dans le dossier du module`);
      return;
    }
    const parsed = parseItem(item, toText(source), { where, known, assets: refs, audio, files });
    if (parsed.ok) items.push(parsed.item);
    else sink.errors.push(...parsed.errors);
  });
  sink.errors.push(...unusedDocuments(files, raw.items, items, where));

  const allErrors = [...sink.errors, ...errors];
  if (allErrors.length > 0) return { ok: false, errors: allErrors };

  const competencies: Competency[] = raw.competencies.map((code) => known.get(code) as Competency);
  return {
    ok: true,
    module: {
      formatVersion: MODULE_FORMAT_VERSION,
      id: raw.id,
      title: raw.title,
      summary: raw.summary,
      durationMinutes: raw.duration_minutes,
      level: raw.level,
      competencies,
      items,
      assets: [...refs.values()],
      // The format version is hashed too: a parser change that alters the output makes new versions.
      contentHash: contentHash(files, JSON.stringify({ format: MODULE_FORMAT_VERSION, competencies })),
    },
    assets: [...assets.values()],
  };
}

interface ItemContext {
  where: (p: string) => string;
  known: ReadonlyMap<string, Competency>;
  assets: ReadonlyMap<string, AssetRef>;
  audio?: AssetRef;
  files: ReadonlyMap<string, FileContent>;
}

/**
 * Document files (documents/*.yaml) that no exercise lists: a document the trainer wrote but
 * forgot to attach, or left behind after an edit. Only checked when every exercise parsed,
 * so that a broken exercise does not make its documents look unused.
 */
function unusedDocuments(files: ReadonlyMap<string, FileContent>, rawItems: readonly RawItem[], items: readonly ModuleItem[], where: (p: string) => string): SourceError[] {
  if (items.length !== rawItems.length) return [];
  const used = new Set(items.flatMap((i) => (i.type === 'exercise' ? i.exercise.documents.flatMap((d) => (d.file ? [d.file] : [])) : [])));
  return [...files.keys()]
    .filter((p) => p.startsWith(DOCUMENTS_FOLDER) && !used.has(p))
    .sort()
    .map((p) => ({
      file: where(p),
      message: /\.ya?ml$/.test(p)
        ? 'document que aucun exercice n’utilise : ajoutez-le à la liste « documents: » d’un exercice, ou supprimez le fichier'
        : 'le dossier documents/ ne contient que des documents d’exercice en .yaml : déplacez ce fichier (images/, audio/) ou supprimez-le',
    }));
}

type ItemResult = { ok: true; item: ModuleItem } | { ok: false; errors: SourceError[] };

function parseItem(item: RawItem, source: string, ctx: ItemContext): ItemResult {
  const file = ctx.where(item.file);
  const common = {
    id: item.id,
    title: item.title,
    file: item.file,
    competencies: item.competencies,
    ...(item.duration_minutes ? { durationMinutes: item.duration_minutes } : {}),
  };
  const competencyCodes = new Set(ctx.known.keys());
  switch (item.type) {
    case 'lesson': {
      const r = parseLesson(source, { errorFile: file, moduleFile: item.file, assets: ctx.assets, title: item.title, ...(ctx.audio ? { audio: ctx.audio } : {}) });
      return r.ok ? { ok: true, item: { ...common, type: 'lesson', lesson: r.lesson } } : r;
    }
    case 'quiz': {
      const r = parseQuiz(source, file, { competencyCodes, itemCompetencies: item.competencies });
      return r.ok ? { ok: true, item: { ...common, type: 'quiz', quiz: r.quiz } } : r;
    }
    case 'exercise': {
      const texts = new Map([...ctx.files].filter(([p]) => p.startsWith(DOCUMENTS_FOLDER) && isSourceText(p)).map(([p, c]) => [p, toText(c)] as const));
      const r = parseExercise(source, file, { files: texts, where: ctx.where });
      return r.ok ? { ok: true, item: { ...common, type: 'exercise', exercise: r.exercise } } : r;
    }
    case 'roleplay': {
      const r = parseScenario(source, file, { competencyCodes, assetPaths: new Set(ctx.assets.keys()) });
      return r.ok ? { ok: true, item: { ...common, type: 'roleplay', scenario: r.scenario } } : r;
    }
  }
}

function assetRef(asset: ModuleAsset): AssetRef {
  return { path: asset.path, sha256: asset.sha256, mediaType: asset.mediaType, bytes: asset.bytes };
}

/** Every media file of the folder; other unknown files are refused so nothing is lost silently. */
function collectAssets(files: ReadonlyMap<string, FileContent>, where: (p: string) => string): { assets: Map<string, ModuleAsset>; errors: SourceError[] } {
  const assets = new Map<string, ModuleAsset>();
  const errors: SourceError[] = [];
  for (const [filePath, content] of [...files.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const mediaType = mediaTypeOf(filePath);
    if (!mediaType) {
      if (!isSourceText(filePath)) errors.push({ file: where(filePath), message: 'type de fichier non pris en charge : images (png, jpg, svg, webp), sons (mp3, ogg, wav, m4a), .md et .yaml seulement' });
      continue;
    }
    const data = toBuffer(content);
    if (mediaType === 'image/svg+xml') {
      const reason = unsafeSvgReason(data.toString('utf8'));
      if (reason) {
        errors.push({ file: where(filePath), message: `image SVG refusée : elle ${reason}` });
        continue;
      }
    }
    assets.set(filePath, { path: filePath, sha256: sha256(data), mediaType, bytes: data.length, data });
  }
  return { assets, errors };
}
