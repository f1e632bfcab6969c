import type { TFunction } from 'i18next';
import { UploadError } from '../../upload/upload-flow';

/** The sentence for an upload failure, in the app's language. */
export function uploadErrorText(t: TFunction, error: unknown): string {
  if (error instanceof UploadError) return t(`upload.error_${error.code}`, { detail: error.detail ?? '' });
  return t('upload.error_network_error');
}
