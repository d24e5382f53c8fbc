import { monitorApi } from '../../../../lib/monitor-api';

export const dynamic = 'force-dynamic';

/** The document itself, for the page's download: fetched with the signed-in user's session. */
export async function GET(): Promise<Response> {
  return Response.json(await monitorApi.openApi(), {
    headers: { 'content-disposition': 'attachment; filename="openapi.json"' },
  });
}
