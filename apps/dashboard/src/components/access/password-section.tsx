import { changePassword } from '../../app/access/actions';
import { AccessForm } from './access-form';

/** A signed-in user changes their own password; their other sessions end. */
export function PasswordSection({ email }: { email: string }) {
  return (
    <section className="panel stack" aria-labelledby="password-title">
      <h2 id="password-title">Your password</h2>
      <p className="muted">
        Signed in as <strong>{email}</strong>. A new password signs you out everywhere else.
      </p>
      <AccessForm
        id="password"
        action={changePassword}
        submitLabel="Change password"
        fields={[
          {
            name: 'currentPassword',
            label: 'Current password',
            type: 'password',
            required: true,
            autoComplete: 'current-password',
          },
          {
            name: 'newPassword',
            label: 'New password',
            type: 'password',
            required: true,
            autoComplete: 'new-password',
            hint: 'At least 8 characters.',
          },
          {
            name: 'repeatPassword',
            label: 'New password again',
            type: 'password',
            required: true,
            autoComplete: 'new-password',
          },
        ]}
      />
    </section>
  );
}
