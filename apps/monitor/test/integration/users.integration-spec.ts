import {
  ApiTokenListSchema,
  CreatedApiTokenSchema,
  CreatedUserSchema,
  ErrorBodySchema,
  SessionSchema,
  UserListSchema,
  UserSchema,
  WhoAmISchema,
} from '@ihm/contracts';
import { startMonitor, type RunningMonitor } from './monitor-app';

const ADMIN_PASSWORD = 'first-admin-password-1';

describe('users: accounts, invitations, roles and their sessions and tokens', () => {
  let monitor: RunningMonitor;

  beforeAll(async () => {
    monitor = await startMonitor({ ADMIN_PASSWORD, DASHBOARD_URL: 'https://monitor.example.com' });
  });
  afterAll(() => monitor.close());

  const post = (path: string, json: unknown, token?: string) =>
    monitor.call(path, { method: 'POST', json, ...(token ? { token } : {}) });
  const signIn = async (email: string | undefined, password: string) => {
    const res = await post('/api/session', { ...(email ? { email } : {}), password }, undefined);
    return { status: res.status, session: res.ok ? SessionSchema.parse(await res.json()) : null };
  };
  const status = async (path: string, token: string) => (await monitor.call(path, { token })).status;

  it('keeps the first admin as the user `admin`, signed in with the password alone or with its login', async () => {
    expect((await signIn(undefined, ADMIN_PASSWORD)).status).toBe(201);
    const { session } = await signIn('admin', ADMIN_PASSWORD);
    const who = WhoAmISchema.parse(
      await (await monitor.call('/api/session', { token: session!.token })).json(),
    );
    expect(who).toMatchObject({ kind: 'session', role: 'admin', user: { email: 'admin', name: 'Admin' } });
    const users = UserListSchema.parse(await (await monitor.call('/api/users')).json());
    expect(users.items).toEqual([
      expect.objectContaining({ email: 'admin', role: 'admin', state: 'active' }),
    ]);
  });

  it('creates a user with a password, who signs in by email with their role', async () => {
    const created = CreatedUserSchema.parse(
      await (
        await post('/api/users', {
          email: 'Vera@Example.com',
          name: 'Vera',
          role: 'viewer',
          password: 'vera-pass-1',
        })
      ).json(),
    );
    expect(created).toMatchObject({ email: 'vera@example.com', state: 'active', invite: null });
    const { session } = await signIn('vera@example.com', 'vera-pass-1');
    expect(await status('/api/integrations', session!.token)).toBe(200);
    const write = await monitor.call('/api/integrations', {
      method: 'POST',
      json: {},
      token: session!.token,
    });
    expect(write.status).toBe(403);
    expect(await status('/api/users', session!.token)).toBe(403);

    const taken = await post('/api/users', { email: 'vera@example.com', name: 'V2', role: 'viewer' });
    expect(taken.status).toBe(409);
    expect(ErrorBodySchema.parse(await taken.json()).details?.[0]?.field).toBe('email');
    const bad = await post('/api/users', {
      email: 'not-an-email',
      name: '',
      role: 'boss',
      password: 'short',
    });
    expect(
      ErrorBodySchema.parse(await bad.json())
        .details?.map((d) => d.field)
        .sort(),
    ).toEqual(['email', 'name', 'password', 'role']);
  });

  it('invites a user with a one-time link that sets their password and signs them in', async () => {
    const created = CreatedUserSchema.parse(
      await (await post('/api/users', { email: 'ed@example.com', name: 'Ed', role: 'editor' })).json(),
    );
    expect(created.state).toBe('invited');
    expect(created.invite?.url).toMatch(/^https:\/\/monitor\.example\.com\/invite\/ihmi_[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(created.invite!.expiresAt) - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    expect((await signIn('ed@example.com', 'anything-at-all')).status).toBe(401);

    const invite = created.invite!.url.split('/').at(-1)!;
    const accepted = await monitor.call(`/api/invites/${invite}`, {
      method: 'POST',
      token: null,
      json: { password: 'ed-password-1' },
    });
    expect(accepted.status).toBe(200);
    const session = SessionSchema.parse(await accepted.json());
    expect(await status('/api/integrations', session.token)).toBe(200);
    const again = await monitor.call(`/api/invites/${invite}`, {
      method: 'POST',
      token: null,
      json: { password: 'ed-password-2' },
    });
    expect(again.status).toBe(404);
    expect((await signIn('ed@example.com', 'ed-password-1')).status).toBe(201);
    const listed = UserListSchema.parse(await (await monitor.call('/api/users')).json());
    expect(listed.items.find((u) => u.email === 'ed@example.com')?.state).toBe('active');
  });

  it('ends sessions and stops tokens of a disabled user; caps tokens at the user’s role', async () => {
    const user = CreatedUserSchema.parse(
      await (
        await post('/api/users', {
          email: 'ci@example.com',
          name: 'CI',
          role: 'editor',
          password: 'ci-password-1',
        })
      ).json(),
    );
    const { session } = await signIn('ci@example.com', 'ci-password-1');
    const tooHigh = await post('/api/tokens', { name: 'admin please', role: 'admin' }, session!.token);
    expect(tooHigh.status).toBe(400);
    expect(ErrorBodySchema.parse(await tooHigh.json()).details).toEqual([
      { field: 'role', message: 'must be no higher than your own role (editor)' },
    ]);
    const token = CreatedApiTokenSchema.parse(
      await (await post('/api/tokens', { name: 'deploys', role: 'editor' }, session!.token)).json(),
    ).token;
    const write = () => monitor.call('/api/integrations', { method: 'POST', json: {}, token });
    expect((await write()).status).toBe(400); // allowed, and the empty body is refused

    // Demoted: the editor token now acts as a viewer.
    const demoted = await monitor.call(`/api/users/${user.id}`, {
      method: 'PATCH',
      json: { role: 'viewer' },
    });
    expect(UserSchema.parse(await demoted.json()).role).toBe('viewer');
    expect((await write()).status).toBe(403);
    // Their own tokens are all they see.
    const mine = await monitor.call('/api/tokens', { token: session!.token });
    expect(ApiTokenListSchema.parse(await mine.json()).items.map((t) => t.name)).toEqual(['deploys']);

    const disabled = await monitor.call(`/api/users/${user.id}`, {
      method: 'PATCH',
      json: { disabled: true },
    });
    expect(UserSchema.parse(await disabled.json()).state).toBe('disabled');
    expect(await status('/api/integrations', session!.token)).toBe(401);
    expect(await status('/api/integrations', token)).toBe(401);
    expect((await signIn('ci@example.com', 'ci-password-1')).status).toBe(401);

    await monitor.call(`/api/users/${user.id}`, { method: 'PATCH', json: { disabled: false } });
    expect(await status('/api/integrations', token)).toBe(200);
    expect((await signIn('ci@example.com', 'ci-password-1')).status).toBe(201);
  });

  it('keeps the last admin who can sign in an enabled admin', async () => {
    const users = UserListSchema.parse(await (await monitor.call('/api/users')).json());
    const admin = users.items.find((u) => u.email === 'admin')!;
    for (const patch of [{ disabled: true }, { role: 'editor' }]) {
      const res = await monitor.call(`/api/users/${admin.id}`, { method: 'PATCH', json: patch });
      expect(res.status).toBe(400);
      expect(ErrorBodySchema.parse(await res.json()).details?.[0]?.message).toMatch(/last admin/);
    }
    expect(
      (
        await monitor.call('/api/users/00000000-0000-4000-8000-000000000000', {
          method: 'PATCH',
          json: { name: 'x' },
        })
      ).status,
    ).toBe(404);
  });

  it('changes a user’s own password: every session of theirs ends, the answer is a new one', async () => {
    await post('/api/users', {
      email: 'pat@example.com',
      name: 'Pat',
      role: 'viewer',
      password: 'pat-password-1',
    });
    const first = (await signIn('pat@example.com', 'pat-password-1')).session!;
    const second = (await signIn('pat@example.com', 'pat-password-1')).session!;
    const change = (token: string, currentPassword: string) =>
      monitor.call('/api/session/password', {
        method: 'PUT',
        token,
        json: { currentPassword, newPassword: 'pat-password-2' },
      });
    const wrong = await change(first.token, 'not-it');
    expect(ErrorBodySchema.parse(await wrong.json()).details?.[0]?.field).toBe('currentPassword');
    const changed = await change(first.token, 'pat-password-1');
    expect(changed.status).toBe(200);
    const fresh = SessionSchema.parse(await changed.json());
    expect(await status('/api/integrations', first.token)).toBe(401);
    expect(await status('/api/integrations', second.token)).toBe(401);
    expect(await status('/api/integrations', fresh.token)).toBe(200);
    expect((await signIn('pat@example.com', 'pat-password-2')).status).toBe(201);
  });
});
