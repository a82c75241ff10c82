/** Messages between the app and the export worker. */
export interface ExportRequest {
  formatId: string;
  options: { splitClitics?: boolean; appVersion: string };
}

export type ExportMessage =
  | { type: 'chunk'; text: string }
  | { type: 'progress'; fraction: number }
  | { type: 'done'; documents: number; annotations: number }
  | { type: 'error'; message: string };
