import Link from 'next/link';
import { PageHead } from './page-head';

/** On a card or a page head: a config file manages this, so it has no Edit or Delete here. */
export function ManagedByFileBadge({ file }: { file: string }) {
  return (
    <span className="chip managed" title={`Change it in ${file} and apply the file: edits here are refused`}>
      Managed by {file}
    </span>
  );
}

/** Where to change something a config file manages, and how. */
export function ManagedByFileNote({ file }: { file: string }) {
  return (
    <p className="managed-note">
      <ManagedByFileBadge file={file} /> Change it in <code>{file}</code> and apply the file (
      <code>npm run config -- apply {file}</code>): edits made here would be refused, so that Git stays the
      truth.
    </p>
  );
}

interface ManagedByFilePageProps {
  title: string;
  back: { href: string; label: string };
  file: string;
}

/** An edit page of something a config file manages: no form, only where to make the change. */
export function ManagedByFilePage({ title, back, file }: ManagedByFilePageProps) {
  return (
    <>
      <PageHead title={title} back={back} />
      <section className="panel">
        <ManagedByFileNote file={file} />
        <Link href={back.href} className="button">
          Back to {back.label}
        </Link>
      </section>
    </>
  );
}
