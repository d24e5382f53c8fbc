import type { Metadata } from 'next';
import { Suspense } from 'react';
import {
  AUDIT_COLUMNS,
  SectionSkeleton,
  TOKEN_COLUMNS,
  USER_COLUMNS,
} from '../../../components/access/access-skeleton';
import { AuditSection } from '../../../components/access/audit-section';
import { PasswordSection } from '../../../components/access/password-section';
import { TokensSection } from '../../../components/access/tokens-section';
import { UsersSection } from '../../../components/access/users-section';
import { PageHead } from '../../../components/page-head';
import { monitorApi } from '../../../lib/monitor-api';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Access' };

/** Who may do what: your password and tokens, the users (admins), and the audit log. */
export default async function AccessPage() {
  const me = await monitorApi.whoAmI();
  const user = me.kind === 'session' ? me.user : null;
  return (
    <>
      <PageHead title="Access">
        <p className="muted">
          You are {user ? user.name : 'using an API token'}, with the <strong>{me.role}</strong> role.
        </p>
      </PageHead>
      <div className="access-sections">
        {user ? <PasswordSection email={user.email} /> : null}
        <Suspense fallback={<SectionSkeleton title="API tokens" columns={TOKEN_COLUMNS} />}>
          <TokensSection role={me.role} />
        </Suspense>
        {me.role === 'admin' ? (
          <Suspense fallback={<SectionSkeleton title="Users" columns={USER_COLUMNS} />}>
            <UsersSection me={user?.id ?? null} />
          </Suspense>
        ) : null}
        <Suspense fallback={<SectionSkeleton title="Audit log" columns={AUDIT_COLUMNS} />}>
          <AuditSection />
        </Suspense>
      </div>
    </>
  );
}
