import Link from 'next/link';

export default function NotFound() {
  return (
    <main>
      <div className="empty">
        <h2>Not found</h2>
        <p className="muted">This page or integration does not exist (it may have been deleted).</p>
        <Link href="/">Back to the overview</Link>
      </div>
    </main>
  );
}
