// fontkit (pdfkit's font engine) ships no types; the certificate renderer only parses fonts with it.
declare module 'fontkit' {
  /** A parsed font; a font collection (TTC) has no glyphs of its own. */
  export interface Font {
    readonly postscriptName: string;
    glyphForCodePoint(codePoint: number): unknown;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font | { readonly fonts: Font[] };
}
