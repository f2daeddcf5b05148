import type { Request } from 'express';
import { AppError, PayloadTooLargeError } from '../../errors.ts';
import type { AuthoringService } from '../authoring.service.ts';
import { ZIP_LIMITS } from '../module-zip.ts';
import { readMultipart } from '../../http/multipart.ts';
import { CsrfError } from '../../http/csrf.ts';
import { base, userOf } from './authoring-area.ts';
import { errorsByFile } from './draft-view.ts';

type UploadResult = { redirect: string } | { status: number; model: Record<string, unknown> };

/** A zip upload: nothing is written unless the whole module is valid. */
export async function importUpload(authoring: AuthoringService, req: Request): Promise<UploadResult> {
  const refused = (status: number, key: string): UploadResult => ({ status, model: { importFailed: true, importMessage: key } });
  let form;
  try {
    form = await readMultipart(req, ZIP_LIMITS.uploadBytes + 64 * 1024, 'authoring.import.errors.notMultipart');
  } catch (err) {
    if (err instanceof CsrfError) throw err; // a forged form gets the app's 403 page
    if (err instanceof PayloadTooLargeError) return refused(413, 'authoring.import.errors.tooLarge');
    if (err instanceof AppError) return refused(400, 'authoring.import.errors.noFile');
    throw err;
  }
  const file = form.files.get('archive');
  if (!file || file.data.length === 0) return refused(400, 'authoring.import.errors.noFile');
  const outcome = await authoring.importZip(file.data, form.fields.get('publish') === 'on', userOf(req));
  switch (outcome.status) {
    case 'invalid':
      return {
        status: 422,
        model: { importFailed: true, importMessage: 'authoring.import.errors.invalid', importErrors: [...errorsByFile(outcome.errors)].map(([path, errors]) => ({ path, errors })) },
      };
    case 'draft':
      return { redirect: `${base(outcome.moduleId)}?imported=1` };
    default:
      return { redirect: `${base(outcome.moduleId)}/history?${outcome.status}=${outcome.version}` };
  }
}
