/// <reference lib="webworker" />
import { importTxt } from '../../../shared/formats/txt/import-txt';
import type { OpenedFile } from '../../platform/platform';

/**
 * Articles are decoded, checked, made canonical and hashed here, off the main thread (a 2,000-article import held it
 * for a second): the page stays responsive, and only the results come back, to be written in one transaction.
 */
self.onmessage = (e: MessageEvent<OpenedFile[]>) => {
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(e.data.map((file) => importTxt(file)));
};
