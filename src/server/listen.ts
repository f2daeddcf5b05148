import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { ConfigError, type Config } from './config.ts';

function readPem(variable: string, file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (err) {
    const reason = err instanceof Error && 'code' in err ? String(err.code) : String(err);
    throw new ConfigError(`${variable} cannot be read: ${file} (${reason})`);
  }
}

/**
 * An https server when TLS_CERT_FILE and TLS_KEY_FILE are set (browsers give the microphone only
 * to secure contexts), plain http otherwise. A certificate and key that do not match, or a file
 * that is not PEM, stop the start with a configuration error instead of failing on the first visitor.
 */
export function createListeningServer(config: Pick<Config, 'tls'>): http.Server {
  if (!config.tls) return http.createServer();
  const cert = readPem('TLS_CERT_FILE', config.tls.certFile);
  const key = readPem('TLS_KEY_FILE', config.tls.keyFile);
  try {
    return https.createServer({ cert, key });
  } catch (err) {
    throw new ConfigError(`TLS_CERT_FILE and TLS_KEY_FILE are not a usable certificate and key: ${err instanceof Error ? err.message : String(err)}`);
  }
}
