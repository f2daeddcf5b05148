import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { loadScenarioFiles } from '../../src/server/roleplay/library/load-scenario-files.ts';
import { customerLines } from '../../src/server/roleplay/voices/line-audio.ts';
import { COURSES_DIR } from '../courses/fixtures.ts';
import { fixtureText } from '../roleplay/helpers.ts';
import { callBed, page, startTestCall, type CallBed } from './support.ts';

/**
 * A chat message, an SMS or an e-mail is read, not heard: a line marked `written: true` (or
 * every line of a scenario marked so) gets no synthesized voice and shows as a written message,
 * even when a voice file for its text exists in the module.
 */
describe('written customer lines', () => {
  let bed: CallBed | undefined;
  afterEach(async () => {
    await bed?.close();
    bed = undefined;
  });

  const firstLine = async (scenarioText: string) => {
    bed = await callBed(scenarioText);
    bed.at(0);
    const callId = await startTestCall(bed.learner);
    bed.at(4);
    return page((await bed.learner.get(`/learner/calls/${callId}`).expect(200)).text);
  };

  it('shows a spoken line with its sound, and the same line marked written as a message with none', async () => {
    let $ = await firstLine(fixtureText('mini'));
    expect($('.call-line').first().find('audio.call-audio').length).to.equal(1);
    expect($('.call-line-written').length).to.equal(0);
    await bed?.close();
    bed = undefined;

    const written = fixtureText('mini').replace("    customer: Bonjour, j'appelle pour ma commande.\n", "    customer: Bonjour, j'appelle pour ma commande.\n    written: true\n");
    $ = await firstLine(written);
    const line = $('.call-line').first();
    expect(line.hasClass('call-line-written')).to.equal(true);
    expect(line.find('.call-line-kind').text()).to.equal('Message écrit (pas de son : lisez-le)');
    expect(line.find('p').last().text()).to.equal("Bonjour, j'appelle pour ma commande.");
    expect($('audio').length).to.equal(0);
  });

  it('refuses a written flag that is not true or false', async () => {
    const broken = fixtureText('mini').replace("    customer: Bonjour, j'appelle pour ma commande.\n", "    customer: Bonjour, j'appelle pour ma commande.\n    written: oui\n");
    let error = '';
    try {
      bed = await callBed(broken);
    } catch (e) {
      error = (e as Error).message;
    }
    expect(error).to.match(/« written » doit valoir true ou false/);
  });

  it('voices no line of the shipped chat, and still voices the phone calls', async () => {
    const loaded = await loadScenarioFiles(COURSES_DIR);
    const byId = new Map(loaded.scenarios.map((s) => [s.scenario.id, s.scenario]));
    const chat = byId.get('conversation-chat');
    expect(chat?.written).to.equal(true);
    expect(chat ? customerLines(chat) : ['missing']).to.deep.equal([]);
    const phone = byId.get('retard-livraison');
    expect(phone ? customerLines(phone).length : 0).to.be.at.least(5);
    expect(fs.existsSync(path.join(COURSES_DIR, 'pret-pour-l-emploi', 'roleplays', 'conversation-chat.yaml'))).to.equal(true);
  });
});
