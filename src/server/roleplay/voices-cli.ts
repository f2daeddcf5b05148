// `npm run voices [-- <courses folder>]`: synthesizes every customer line of every role-play
// scenario with espeak-ng, in the persona's voice, into <module>/roleplays/tts/. Files are named
// by a hash of voice and text, so a re-run only makes what changed and removes what is unused.
import { spawnSync } from 'node:child_process';
import { mkdir, readdir, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { formatSourceError } from '../courses/format/source-error.ts';
import { loadScenarioFiles } from './library/load-scenario-files.ts';
import { compactTelephoneWav } from './voices/downsample-wav.ts';
import { espeakArguments, TTS_FOLDER } from './voices/line-audio.ts';
import { planVoices } from './voices/plan-voices.ts';

async function main(): Promise<number> {
  const root = resolve(process.argv[2] ?? 'courses');
  const probe = spawnSync('espeak-ng', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    console.log('espeak-ng n’est pas installé : aucune voix n’a été générée.');
    console.log('Installez-le (paquet Debian « espeak-ng ») puis relancez « npm run voices ».');
    console.log('Les appels simulés fonctionnent aussi sans audio : le texte du client reste affiché.');
    return 0;
  }
  const { scenarios, errors } = await loadScenarioFiles(root);
  for (const error of errors) console.error(formatSourceError(error));

  const existing = new Map<string, Set<string>>();
  // Every module folder, so that voices of a module whose scenarios were all removed go too.
  const modules = (await readdir(root, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
  for (const module of modules) {
    const names = await readdir(join(root, module, TTS_FOLDER)).catch(() => [] as string[]);
    existing.set(module, new Set(names.map((name) => `${TTS_FOLDER}/${name}`)));
  }
  const plan = planVoices(scenarios, existing);
  for (const [index, job] of plan.toGenerate.entries()) {
    const spoken = spawnSync('espeak-ng', [...espeakArguments(job.voice), '--stdout', '--stdin'], { input: job.speech, maxBuffer: 64 * 1024 * 1024 });
    if (spoken.status !== 0 || spoken.stdout.length === 0) {
      console.error(`espeak-ng a échoué pour « ${job.speech.slice(0, 60)} » : ${spoken.stderr.toString().trim()}`);
      return 1;
    }
    const target = join(root, job.module, job.path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, compactTelephoneWav(spoken.stdout));
    if ((index + 1) % 20 === 0) console.log(`${index + 1}/${plan.toGenerate.length} répliques générées…`);
  }
  for (const { module, path } of plan.stale) await unlink(join(root, module, path));

  let bytes = 0;
  for (const module of existing.keys()) {
    const folder = join(root, module, TTS_FOLDER);
    for (const name of await readdir(folder).catch(() => [] as string[])) bytes += (await stat(join(folder, name))).size;
  }
  console.log(`${scenarios.length} scénarios : ${plan.toGenerate.length} répliques générées, ${plan.reused} déjà prêtes, ${plan.stale.length} fichiers inutiles supprimés.`);
  console.log(`Taille totale des voix : ${(bytes / 1024 / 1024).toFixed(1)} Mo.`);
  return errors.length > 0 ? 1 : 0;
}

process.exitCode = await main();
