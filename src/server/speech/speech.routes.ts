import type { Request, Response } from 'express';
import type { AppContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { get, type RouteSpec } from '../http/route-table.ts';
import { SPEECH_FILE } from './speech-key.ts';

/** The read-aloud files behind the "Écouter" controls: only texts a page has shown (speech-texts.ts). */
export function speechRoutes(ctx: AppContext): RouteSpec[] {
  const audio = async (req: Request, res: Response) => {
    const key = SPEECH_FILE.exec(String(req.params.file))?.[1];
    const wav = key ? await ctx.speech.audio(key) : null;
    if (!wav) throw new NotFoundError('speech.errors.notFound');
    res.type('audio/wav').set('Cache-Control', 'private, max-age=31536000, immutable').send(wav);
  };
  return [get('/speech/:file', 'authenticated', audio)];
}
