import { emptyForm, type FormState } from './form-state';
import { placeFieldErrors } from './field-errors';

const form: FormState = {
  ...emptyForm(),
  method: 'POST',
  auth: { ...emptyForm().auth, type: 'bearer' },
  headers: [
    { key: 0, name: 'Accept', value: '' },
    { key: 4, name: 'X-Api.Key', value: '' },
  ],
  tags: 'payments, this-tag-is-far-too-long',
  expectedStatus: '200, 700',
};

describe('placeFieldErrors', () => {
  it('places errors next to the inputs they name', () => {
    const placed = placeFieldErrors(
      [
        { field: 'url', message: 'must be an absolute http:// or https:// URL' },
        { field: 'auth.token', message: 'token must not be empty' },
        { field: 'body', message: 'too long' },
        { field: 'timeoutMs', message: 'timeoutMs must not exceed the interval (60000 ms)' },
      ],
      form,
    );
    expect(placed).toEqual({
      byField: {
        url: ['must be an absolute http:// or https:// URL'],
        'auth.token': ['token must not be empty'],
        body: ['too long'],
        timeoutMs: ['timeoutMs must not exceed the interval (60000 ms)'],
      },
      unplaced: [],
    });
  });

  it('finds header rows by name, dots included, and names list items as typed', () => {
    const placed = placeFieldErrors(
      [
        { field: 'headers.X-Api.Key', message: 'must not contain line breaks' },
        { field: 'headers.Gone', message: 'must be a valid HTTP header name' },
        { field: 'tags.1', message: 'tag must be at most 50 characters' },
        { field: 'expectedStatus.1', message: 'status code must be at most 599' },
      ],
      form,
    );
    expect(placed.byField).toEqual({
      'headers#4': ['must not contain line breaks'],
      headers: ['Gone: must be a valid HTTP header name'],
      tags: ['“this-tag-is-far-too-long”: tag must be at most 50 characters'],
      expectedStatus: ['“700”: status code must be at most 599'],
    });
  });

  it('sends errors of fields without an input to the summary', () => {
    const placed = placeFieldErrors(
      [
        { field: '(body)', message: 'the body is not JSON' },
        { field: 'auth.password', message: 'password is required' },
        { field: 'intervalSecond', message: 'is not a known field' },
        { field: 'auth', message: 'type must be one of: none, apiKey' },
      ],
      form,
    );
    expect(placed.byField).toEqual({ 'auth.type': ['type must be one of: none, apiKey'] });
    expect(placed.unplaced.map((error) => error.field)).toEqual([
      '(body)',
      'auth.password',
      'intervalSecond',
    ]);
  });

  it('does not place a body error while the method sends no body', () => {
    const placed = placeFieldErrors([{ field: 'body', message: 'a GET request cannot have a body' }], {
      ...form,
      method: 'GET',
    });
    expect(placed.unplaced).toHaveLength(1);
  });

  it.each([
    {
      enabled: true,
      byField: {
        'clientCertificate.privateKey': ['does not belong to the certificate'],
        'clientCertificate.passphrase': ['does not open the private key'],
        clientCertificate: ['clientCertificate must be an object'],
      },
    },
    {
      enabled: false,
      byField: {
        clientCertificate: [
          'does not belong to the certificate',
          'does not open the private key',
          'clientCertificate must be an object',
        ],
      },
    },
  ])(
    'places client certificate errors under their inputs, or the toggle (on: $enabled)',
    ({ enabled, byField }) => {
      const placed = placeFieldErrors(
        [
          { field: 'clientCertificate.privateKey', message: 'does not belong to the certificate' },
          { field: 'clientCertificate.passphrase', message: 'does not open the private key' },
          { field: 'clientCertificate', message: 'clientCertificate must be an object' },
        ],
        { ...form, clientCertificate: { ...form.clientCertificate, enabled } },
      );
      expect(placed).toEqual({ byField, unplaced: [] });
    },
  );
});
