import { fileURLToPath } from 'node:url';

/** `../shared` beside the repository: read-only third-party data for tests (never bundled into the app). */
export const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));
export const NEWS_DIR = `${SHARED}corpus/news/`;
export const VALIDATORS = `${SHARED}validators/`;
