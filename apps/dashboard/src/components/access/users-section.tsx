import { ROLES, type User } from '@ihm/contracts';
import { createUser } from '../../app/access/actions';
import { formatDateTime } from '../../lib/format';
import { monitorApi } from '../../lib/monitor-api';
import { DataTable } from '../data-table';
import { AccessForm } from './access-form';
import { USER_COLUMNS } from './access-skeleton';
import { UserActions } from './user-actions';

const STATES: Readonly<Record<User['state'], string>> = {
  active: 'active',
  invited: 'invited (link not used yet)',
  disabled: 'disabled',
};

/** Admins only: every account, its role and state; invite, change roles, disable. */
export async function UsersSection({ me }: { me: string | null }) {
  const { items } = await monitorApi.users();
  return (
    <section className="panel stack" aria-labelledby="users-title">
      <h2 id="users-title">Users</h2>
      <p className="muted">
        Viewers read, editors change integrations, rules, channels and silences, admins also manage users.
        Disabling someone ends their sessions and stops their tokens.
      </p>
      <DataTable columns={USER_COLUMNS} className="data">
        {items.map((user) => (
          <tr key={user.id}>
            <td>{user.name}</td>
            <td>{user.email}</td>
            <td>{user.role}</td>
            <td>{STATES[user.state]}</td>
            <td>{formatDateTime(user.createdAt)}</td>
            <td>{user.id === me ? <span className="muted">you</span> : <UserActions user={user} />}</td>
          </tr>
        ))}
      </DataTable>
      <h3>Add a user</h3>
      <AccessForm
        id="user"
        action={createUser}
        submitLabel="Add user"
        fields={[
          { name: 'email', label: 'Email', type: 'email', required: true },
          { name: 'name', label: 'Name', type: 'text', required: true },
          { name: 'role', label: 'Role', type: 'select', options: ROLES },
          {
            name: 'password',
            label: 'Password (optional)',
            type: 'password',
            autoComplete: 'new-password',
            hint: 'Leave it empty to get a one-time invitation link (valid 7 days) to send them.',
          },
        ]}
      />
    </section>
  );
}
