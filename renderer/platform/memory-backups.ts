import type { BackupStore } from './platform';

/** A backup store in memory, for tests: the same contract as the real ones (whole-file writes, appends). */
export function memoryBackups(): BackupStore & { files: Map<string, string> } {
  const files = new Map<string, string>();
  return {
    files,
    where: 'memory',
    list: async () => [...files.keys()].sort(),
    read: async (name) => files.get(name) ?? null,
    async write(name, chunks) {
      let text = '';
      for await (const chunk of chunks) text += chunk;
      files.set(name, text);
    },
    append: async (name, text) => void files.set(name, (files.get(name) ?? '') + text),
    remove: async (name) => void files.delete(name),
  };
}
