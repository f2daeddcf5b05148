// fontkit (pdfkit's font engine) ships no types; the certificate renderer only parses fonts with it.
declare module 'fontkit' {
  export function create(buffer: Uint8Array, postscriptName?: string): unknown;
}
