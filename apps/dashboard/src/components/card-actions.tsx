import Link from 'next/link';
import type { ReactNode } from 'react';
import type { ActionResult } from '../lib/action-result';
import { DeleteButton } from './delete-button';

interface CardActionsProps {
  /** The card's edit page. */
  editHref: string;
  /** What the card shows, as Edit's label and the confirmation name it. */
  name: string;
  /** What is deleted, as the confirmation names it: "the rule". */
  what: string;
  /** What else goes with it, said in the confirmation. */
  consequence: string;
  deleteAction(): Promise<ActionResult<null>>;
  /** Actions before Edit: a channel's Send test. */
  children?: ReactNode;
  /** The config file that manages it: no Edit or Delete, only where to change it. */
  managedBy?: string | null;
}

/** The buttons at the foot of a list's card: its own actions, then Edit and Delete. */
export function CardActions({
  editHref,
  name,
  what,
  consequence,
  deleteAction,
  children,
  managedBy,
}: CardActionsProps) {
  if (managedBy)
    return (
      <div className="row card-actions">
        {children}
        <span className="muted">
          Change it in <code>{managedBy}</code>
        </span>
      </div>
    );
  return (
    <div className="row card-actions">
      {children}
      <Link href={editHref} className="button small" aria-label={`Edit ${name}`}>
        Edit
      </Link>
      <DeleteButton what={what} name={name} consequence={consequence} deleteAction={deleteAction} />
    </div>
  );
}
