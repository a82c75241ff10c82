import type { DocumentSummary } from '../../db/documents-repo';

interface DocumentListProps {
  documents: readonly DocumentSummary[];
  selectedId: string | null;
  onOpen(id: string): void;
}

export function DocumentList({ documents, selectedId, onOpen }: DocumentListProps) {
  return (
    <nav className="documents" aria-label="Documents">
      <h2>
        Documents <span className="count">{documents.length}</span>
      </h2>
      {documents.length === 0 ? (
        <p className="empty">Import .txt articles with the Import button or drop them on the window.</p>
      ) : (
        <ul>
          {documents.map((d) => (
            <li key={d.id}>
              <button
                type="button"
                dir="auto"
                aria-current={d.id === selectedId ? 'page' : undefined}
                title={d.fileName}
                onClick={() => onOpen(d.id)}
              >
                {d.title}
              </button>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
