import { headers } from 'next/headers';
import { readAppConfig, serverEnv, type AppConfig } from '@/lib/config';
import { originFromHeaders } from '@/lib/origin';

/** The deployment configuration for the request being rendered (server components only). */
export async function requestConfig(): Promise<AppConfig> {
  const h = await headers();
  return readAppConfig(serverEnv(), originFromHeaders(h));
}
