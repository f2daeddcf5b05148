import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ScenarioFile } from '../../src/server/roleplay/library/load-scenario-files.ts';
import { compactTelephoneWav } from '../../src/server/roleplay/voices/downsample-wav.ts';
import { customerLines, resolveLineAudio, synthesizedAudioPath } from '../../src/server/roleplay/voices/line-audio.ts';
import { planVoices } from '../../src/server/roleplay/voices/plan-voices.ts';
import { speakableFrench } from '../../src/server/roleplay/voices/speakable-french.ts';
import { edit, fixtureText, loadMini, parse } from './helpers.ts';

const mini = loadMini();
const voice = mini.persona.voice;

describe('voices', () => {
  it('rewrites written conventions into words espeak-ng can say', () => {
    expect(speakableFrench('Le 28, entre 8 h et 13 h 30 – merci.')).to.equal('Le 28, entre 8 heures et 13 heures 30 à merci.');
    expect(speakableFrench('412,37 € pour 10 000 kWh, voyant « Fibre »')).to.equal('412,37 euros pour 10 000 kilowattheures, voyant Fibre');
  });

  it('lists every customer line: turns, last words of endings, reactions to silence', () => {
    expect(customerLines(mini).map((l) => l.node)).to.deep.equal(['bonjour', 'accueil', 'question', 'reponse-apres-attente', 'fin-ok']);
    expect(customerLines(mini)[1].text).to.equal('Allô ? Vous êtes là ?');
  });

  it('names synthesized files by a hash of voice and spoken text', () => {
    const path = synthesizedAudioPath(voice, 'Bonjour');
    expect(path).to.match(/^roleplays\/tts\/[0-9a-f]{64}\.wav$/);
    expect(synthesizedAudioPath(voice, 'Bonjour')).to.equal(path);
    expect(synthesizedAudioPath({ ...voice, variant: 'm3' }, 'Bonjour')).to.not.equal(path);
    expect(synthesizedAudioPath(voice, 'Bonjour !')).to.not.equal(path);
  });

  it('resolves a line to its recorded file, else its synthesized file, else nothing', () => {
    const line = { text: 'Bonjour', audio: 'audio/bonjour.mp3' };
    const tts = synthesizedAudioPath(voice, 'Bonjour');
    expect(resolveLineAudio(line, voice, new Set(['audio/bonjour.mp3', tts]))).to.deep.equal({ kind: 'recorded', path: 'audio/bonjour.mp3' });
    expect(resolveLineAudio(line, voice, new Set([tts]))).to.deep.equal({ kind: 'synthesized', path: tts });
    expect(resolveLineAudio(line, voice, new Set())).to.equal(null);
  });

  it('plans only missing files, skips recorded lines, and finds stale files', () => {
    const recorded = parse(edit(fixtureText('mini'), "customer: Bonjour, j'appelle pour ma commande.", "customer: Bonjour, j'appelle pour ma commande.\n    audio: audio/bonjour.mp3"));
    if (!recorded.ok) throw new Error(JSON.stringify(recorded.errors));
    const files: ScenarioFile[] = [{ module: 'm', file: 'm/roleplays/mini.yaml', scenario: recorded.scenario }];
    const ready = synthesizedAudioPath(voice, 'Quand est-ce que je serai livrée ?');
    const plan = planVoices(files, new Map([['m', new Set([ready, 'roleplays/tts/old.wav'])]]));
    expect(plan.reused).to.equal(1);
    expect(plan.toGenerate.map((j) => j.speech)).to.deep.equal(['Allô ? Vous êtes là ?', 'Merci d\'avoir vérifié.', 'Merci, au revoir !']);
    expect(plan.stale).to.deep.equal([{ module: 'm', path: 'roleplays/tts/old.wav' }]);
  });

  it('turns espeak-ng output into a small 8-bit WAV at half the rate, without the silences', () => {
    const samples = [...new Array(2205).fill(0), ...Array.from({ length: 4410 }, (_, i) => Math.round(8000 * Math.sin(i / 5))), ...new Array(2205).fill(0)];
    const wav = Buffer.alloc(44 + samples.length * 2);
    wav.write('RIFF', 0, 'ascii');
    wav.writeUInt32LE(0x7fffffff, 4); // espeak-ng streaming to stdout leaves the sizes unknown
    wav.write('WAVEfmt ', 8, 'ascii');
    wav.writeUInt32LE(16, 16);
    wav.writeUInt16LE(1, 20);
    wav.writeUInt16LE(1, 22);
    wav.writeUInt32LE(22050, 24);
    wav.writeUInt32LE(44100, 28);
    wav.writeUInt16LE(2, 32);
    wav.writeUInt16LE(16, 34);
    wav.write('data', 36, 'ascii');
    wav.writeUInt32LE(0x7fffffff, 40);
    samples.forEach((s, i) => wav.writeInt16LE(s, 44 + i * 2));
    const out = compactTelephoneWav(wav);
    expect(out.readUInt32LE(24)).to.equal(11025);
    expect(out.readUInt16LE(34)).to.equal(8);
    expect(out.readUInt32LE(40)).to.be.within(2190, 2205);
    const data = out.subarray(44);
    expect(Math.max(...data)).to.be.within(235, 245);
    expect(out.length).to.be.below(wav.length / 6);
  });

  it('npm run voices generates each line once, then reuses it (espeak-ng is installed here, as CI installs it)', function () {
    this.timeout(60_000);
    const root = mkdtempSync(join(tmpdir(), 'voices-'));
    try {
      cpSync(fileURLToPath(new URL('../../courses/competences.yaml', import.meta.url)), join(root, 'competences.yaml'));
      mkdirSync(join(root, 'm', 'roleplays'), { recursive: true });
      writeFileSync(join(root, 'm', 'roleplays', 'mini.yaml'), fixtureText('mini'));
      const cli = fileURLToPath(new URL('../../src/server/roleplay/voices-cli.ts', import.meta.url));
      const run = () => spawnSync(process.execPath, ['--import', 'tsx', cli, root], { encoding: 'utf8' });
      const first = run();
      expect(first.status, first.stderr).to.equal(0);
      expect(spawnSync('espeak-ng', ['--version']).error, 'espeak-ng must be installed (.ci/run installs it)').to.equal(undefined);
      expect(first.stdout).to.not.contain('espeak-ng n’est pas installé');
      expect(first.stdout).to.contain('5 répliques générées, 0 déjà prêtes');
      const files = readdirSync(join(root, 'm', 'roleplays', 'tts'));
      expect(files).to.have.length(5);
      expect(readFileSync(join(root, 'm', 'roleplays', 'tts', files[0])).toString('ascii', 0, 4)).to.equal('RIFF');
      expect(run().stdout).to.contain('0 répliques générées, 5 déjà prêtes');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
