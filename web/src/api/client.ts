// The typed API client: paths and bodies come from the OpenAPI document the server
// generates (npm run gen:api), so the web never restates the API's types.
import createClient from 'openapi-fetch';
import type { components, paths } from './schema';

export type ApiError = components['schemas']['ErrorResponse']['error'];

let language: 'zh' | 'en' = 'zh';
export function setApiLanguage(next: 'zh' | 'en') {
  language = next;
}

export const api = createClient<paths>({
  baseUrl: '',
  credentials: 'same-origin',
  fetch: (request: Request) => {
    request.headers.set('accept-language', language === 'en' ? 'en' : 'zh-CN');
    return fetch(request);
  },
});
