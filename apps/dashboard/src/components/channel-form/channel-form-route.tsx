'use client';

import type { Channel } from '@ihm/contracts';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import type { ActionResult } from '../../lib/action-result';
import { ChannelForm } from './channel-form';
import { generatedSecret } from './generated-secret';
import type { ChannelRequestBody } from './to-channel-request';

interface ChannelFormRouteProps {
  channel: Channel | null;
  saveAction(request: ChannelRequestBody): Promise<ActionResult<Channel>>;
}

/**
 * The form on its page: after a save, back to the channels; a generated webhook secret is shown first, once,
 * since the monitor never shows it again.
 */
export function ChannelFormRoute({ channel, saveAction }: ChannelFormRouteProps) {
  const router = useRouter();
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (created) heading.current?.focus();
  }, [created]);

  if (created) {
    return (
      <section className="panel secret-once" aria-labelledby="secret-once-heading">
        <h2 id="secret-once-heading" ref={heading} tabIndex={-1}>
          {created.name} is saved: copy its signing secret now
        </h2>
        <p>
          Receivers verify each notification with this secret (Standard Webhooks). It is shown this once; to
          replace it later, edit the channel and type a new one.
        </p>
        <pre aria-label="Signing secret">{created.secret}</pre>
        <Link href="/alerts/channels" className="button primary">
          Done
        </Link>
      </section>
    );
  }

  return (
    <ChannelForm
      channel={channel}
      onSave={saveAction}
      onSaved={(saved) => {
        const secret = generatedSecret(saved);
        if (secret) setCreated({ name: saved.name, secret });
        else router.push('/alerts/channels');
        router.refresh();
      }}
    />
  );
}
