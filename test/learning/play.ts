import type request from 'supertest';
import { cheerio } from '../helpers/app.ts';
import { attemptOn, itemPath, MODULE } from './helpers.ts';

/** Right answers to the fixture quiz, as the forms send them. */
export const RIGHT_ANSWERS: Record<string, Record<string, string | string[]>> = {
  'q-choix': { answer: 'bonjour' },
  'q-multi': { answer: ['quoi', 'comment'] },
  'q-vf': { answer: 'true' },
  'q-assoc': { match_p1: 'r1', match_p2: 'r2' },
  'q-ordre': { position_1: 's1', position_2: 's2', position_3: 's3' },
  'q-court': { answer: 'Comprends' },
};

export async function readLesson(agent: request.Agent, itemId = 'lecon', moduleId = MODULE): Promise<void> {
  const first = cheerio.load((await agent.get(itemPath(itemId, moduleId))).text);
  const total = Number(/sur (\d+)/.exec(first('.page-count').text())?.[1] ?? 1);
  for (let page = 2; page <= total; page++) await agent.get(`${itemPath(itemId, moduleId)}?page=${page}`);
  const { attempt, csrf } = await attemptOn(agent, `${itemPath(itemId, moduleId)}?page=${total}`);
  const res = await agent.post(`${itemPath(itemId, moduleId)}/complete`).type('form').send({ _csrf: csrf, attempt });
  if (res.status !== 303) throw new Error(`lesson ${itemId}: ${res.status}`);
}

/** Answers every question; `wrong` lists the questions to get wrong. */
export async function playQuiz(agent: request.Agent, wrong: string[] = []): Promise<void> {
  for (const [questionId, answer] of Object.entries(RIGHT_ANSWERS)) {
    const { attempt, csrf } = await attemptOn(agent, itemPath('quiz'));
    const sent = wrong.includes(questionId) ? (questionId === 'q-court' ? { answer: 'non' } : questionId === 'q-vf' ? { answer: 'false' } : { answer: 'allo' }) : answer;
    const res = await agent.post(`${itemPath('quiz')}/answer`).type('form').send({ _csrf: csrf, attempt, question: questionId, ...sent });
    if (res.status !== 303) throw new Error(`quiz ${questionId}: ${res.status}`);
  }
}

export async function retry(agent: request.Agent, itemId: string): Promise<void> {
  const $ = cheerio.load((await agent.get(itemPath(itemId))).text);
  const res = await agent.post(`${itemPath(itemId)}/retry`).type('form').send({ _csrf: String($('input[name=_csrf]').first().val()) });
  if (res.status !== 303) throw new Error(`retry ${itemId}: ${res.status}`);
}

export async function submitFiche(agent: request.Agent, right = true): Promise<void> {
  const { attempt, csrf } = await attemptOn(agent, itemPath('fiche'));
  const res = await agent
    .post(`${itemPath('fiche')}/submit`)
    .type('form')
    .send({ _csrf: csrf, attempt, field_commande: 'CM-1234', field_motif: right ? 'Colis non reçu' : 'Facture', field_montant: right ? '59,90' : '12' });
  if (res.status !== 303) throw new Error(`fiche: ${res.status}`);
}

export async function submitTri(agent: request.Agent): Promise<void> {
  const { attempt, csrf } = await attemptOn(agent, itemPath('tri'));
  const res = await agent
    .post(`${itemPath('tri')}/submit`)
    .type('form')
    .send({ _csrf: csrf, attempt, category_r1: 'reclamation', priority_r1: 'urgent', category_r2: 'information', priority_r2: 'normal' });
  if (res.status !== 303) throw new Error(`tri: ${res.status}`);
}
