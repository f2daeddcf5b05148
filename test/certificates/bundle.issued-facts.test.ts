/**
 * The bundle says what the PDF prints (issue 12: an employer compares the paper with the public
 * page). Its entries come from issuedFacts(), like the intranet's verification page: hours
 * rounded down to the half hour as printed, none under one hour, only the competencies printed.
 * The attendance here (11,25 h) and the time on task (under one hour) are chosen so that raw
 * figures would show: "11,3 h" and "0,x h" are not what the certificate says.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import request from 'supertest';
import type { CertificateRecord } from '../../src/server/certificates/registry.repository.ts';
import { cheerio, createTestApp, type TestApp } from '../helpers/app.ts';
import { payloadOf } from './bundle-fixtures.ts';
import { readPdf } from './pdf-text.ts';
import { runCommand } from './run-command.ts';
import { certificateWorld, ORGANISATION, readyToIssue, type CertificateWorld } from './world.ts';

describe('verification bundle: the entries say what the PDF prints', function () {
  this.timeout(120_000);
  let w: CertificateWorld;
  let site: TestApp;
  let record: CertificateRecord;
  let pdfText: string;
  let entry: Record<string, unknown>;

  before(async () => {
    w = await certificateWorld();
    await w.t.ctx.certificates.organisation.save({ ...ORGANISATION, verifyBaseUrl: 'https://verif.cap-avenir.test' });
    await w.t.ctx.followup.attendance.save([{ userId: w.learner.id, day: '2026-11-24', halfDay: 'pm', hours: 1.25 }], w.trainer.id, w.t.clock.now().toISOString());
    await readyToIssue(w);
    record = await w.t.ctx.certificates.issuing.issue(w.learner.id, w.trainer.id);
    pdfText = (await readPdf((await w.t.ctx.certificates.registry.issuedPdf(record.id)) as Buffer)).text.replace(/\s+/g, ' ');
    const text = (await w.t.ctx.certificates.bundles.exporter.export()).text;
    entry = payloadOf(text).certificates[0] as Record<string, unknown>;
    site = await createTestApp({ TREMPLIN_MODE: 'verify' });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-facts-')), 'b.jws');
    fs.writeFileSync(file, text);
    expect((await runCommand('verify-bundle import', {}, [file], site.ctx)).code).to.equal(0);
  });
  after(async () => {
    await site?.close();
    await w?.close();
  });

  it('the hours as printed: 11 h of attendance (11,25 h on the sheets), no time on task under one hour', () => {
    expect(pdfText).to.contain('11 h de présence en formation');
    expect(pdfText).not.to.contain("d'activités enregistrées");
    expect(entry.attendanceHours).to.equal(11);
    expect(entry.timeOnTaskHours).to.equal(null);
  });

  it('the competencies as printed, with their printed level, and no other', () => {
    const competencies = entry.competencies as Array<{ code: string; label: string; level: string }>;
    expect(competencies.length).to.be.greaterThan(0);
    for (const c of competencies) {
      expect(['acquis', 'en_cours']).to.include(c.level);
      expect(pdfText, c.label).to.contain(c.label);
    }
    expect(pdfText).not.to.contain('Non acquise');
  });

  it('the public page shows the same as the intranet page for the same certificate', async () => {
    const pub = cheerio.load((await request(site.app).get(`/verify/${record.id}`)).text);
    const intra = cheerio.load((await request(w.t.app).get(`/verify/${record.id}`)).text);
    expect(pub('.verify-status-word').text()).to.equal('valide');
    expect(pub('.verify-attendance').text()).to.equal('11 h');
    expect(intra('.verify-attendance-hours').text()).to.equal('11 h');
    expect(pub('.verify-time-on-task').length).to.equal(0);
    expect(intra('.verify-on-task-hours').length).to.equal(0);
    expect(pub('.verify-code').text()).to.equal(String(record.verificationCode));
    expect(intra('.verify-code').text()).to.equal(String(record.verificationCode));
    const rows = ($: cheerio.CheerioAPI) => $('.verify-competencies tbody tr').not('.block-row').map((_, tr) => $(tr).text().replace(/\s+/g, ' ').trim()).get();
    expect(rows(pub)).to.deep.equal(rows(intra));
    expect(rows(pub).length).to.equal((entry.competencies as unknown[]).length);
  });
});
