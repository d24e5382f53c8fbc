import { MonitorRequestError, MonitorUnavailableError } from './monitor-api';
import { sectionRead } from './section-read';

describe(sectionRead.name, () => {
  it('gives the value of a read that answered', async () => {
    expect(await sectionRead(Promise.resolve({ items: [] }))).toEqual({ ok: true, value: { items: [] } });
  });

  it('turns a monitor that stopped answering into the message the section shows', async () => {
    const read = Promise.reject(
      new MonitorUnavailableError('The monitor at http://127.0.0.1:4000 does not answer.'),
    );
    expect(await sectionRead(read)).toEqual({
      ok: false,
      message: 'The monitor at http://127.0.0.1:4000 does not answer.',
    });
  });

  it('lets any other failure through to the error boundary', async () => {
    const refused = new MonitorRequestError(404, 'Integration not found', []);
    await expect(sectionRead(Promise.reject(refused))).rejects.toBe(refused);
  });
});
