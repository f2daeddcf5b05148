import type { Response } from 'express';
import { tr } from '../http/locale.ts';
import type { ListProblem } from '../accounts/account-list.ts';

/** Each problem of a pasted list as one translated sentence, led by its line ("Ligne 3 : ..."). */
export function problemTexts(res: Response, problems: ListProblem[]): string[] {
  const t = tr(res);
  return problems.map((p) => {
    const message = t(`accounts.bulk.problems.${p.key}`, p.vars);
    return p.line > 0 ? t('accounts.bulk.onLine', { line: p.line, message }) : message;
  });
}
