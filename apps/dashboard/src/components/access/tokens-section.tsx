import { ROLES, roleAtLeast, type Role } from '@ihm/contracts';
import { createToken, revokeToken } from '../../app/access/actions';
import { formatDateTime } from '../../lib/format';
import { monitorApi } from '../../lib/monitor-api';
import { DataTable } from '../data-table';
import { DeleteButton } from '../delete-button';
import { AccessForm } from './access-form';
import { TOKEN_COLUMNS } from './access-skeleton';

/** Your API tokens (an admin's: everyone's): listed by prefix, made with a role no higher than yours, revoked. */
export async function TokensSection({ role }: { role: Role }) {
  const { items } = await monitorApi.tokens();
  return (
    <section className="panel stack" aria-labelledby="tokens-title">
      <h2 id="tokens-title">API tokens</h2>
      <p className="muted">
        For scripts and CI: send one as <code>Authorization: Bearer ihm_…</code>. It can do what its role
        allows, and never more than you.
      </p>
      {items.length === 0 ? (
        <p className="muted">No API tokens yet: create one below; it is shown once.</p>
      ) : (
        <DataTable columns={TOKEN_COLUMNS} className="data">
          {items.map((token) => (
            <tr key={token.id}>
              <td>{token.name}</td>
              <td>{token.role}</td>
              <td>
                <code>{token.prefix}…</code>
              </td>
              <td>{token.expiresAt ? formatDateTime(token.expiresAt) : 'never'}</td>
              <td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : 'not yet'}</td>
              <td>
                <DeleteButton
                  what={`the token ${token.name}`}
                  name={`Revoke ${token.name}`}
                  consequence="scripts using it stop working within seconds"
                  deleteAction={revokeToken.bind(null, token.id)}
                />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <h3>Create a token</h3>
      <AccessForm
        id="token"
        action={createToken}
        submitLabel="Create token"
        fields={[
          {
            name: 'name',
            label: 'Name',
            type: 'text',
            required: true,
            hint: 'What uses it: "deploy pipeline".',
          },
          { name: 'role', label: 'Role', type: 'select', options: ROLES.filter((r) => roleAtLeast(role, r)) },
          { name: 'expiresAt', label: 'Expires (optional)', type: 'date' },
        ]}
      />
    </section>
  );
}
