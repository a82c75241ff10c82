import { useEffect, useState, useSyncExternalStore } from 'react';
import type { AnnotationsRepo } from '../../db/annotations-repo';
import type { DocumentsRepo } from '../../db/documents-repo';
import { DocumentSession, type SessionSnapshot } from './document-session';

/** Load a document and its annotations from IndexedDB into a session; null while loading or when none is open. */
export function useDocumentSession(documentId: string | null, documents: DocumentsRepo, annotations: AnnotationsRepo, newId: () => string) {
  const [loaded, setLoaded] = useState<{ id: string; session: DocumentSession } | null>(null);
  useEffect(() => {
    if (!documentId) return;
    let live = true;
    void Promise.all([documents.get(documentId), annotations.listByDocument(documentId)]).then(([doc, anns]) => {
      if (live && doc) setLoaded({ id: documentId, session: new DocumentSession(doc, anns, annotations, newId, () => new Date().toISOString()) });
    });
    return () => {
      live = false;
    };
  }, [documentId, documents, annotations, newId]);
  // A session loaded for another document is never shown, even for the one render before the new one arrives.
  const session = loaded && loaded.id === documentId ? loaded.session : null;
  const snapshot = useSyncExternalStore(session?.subscribe ?? noSubscribe, session?.getSnapshot ?? noSnapshot);
  return { session, snapshot };
}

const noSubscribe = () => () => {};
const noSnapshot = (): SessionSnapshot | null => null;
