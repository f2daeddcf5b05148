import type { Font } from 'fontkit';

/*
 * pdfkit takes an already parsed fontkit font wherever it takes a font file (its font factory
 * keeps any object that is not a path or bytes as the font), which its published types leave
 * out. Declared here so that the certificate can share one parsed DejaVu between renders.
 */
declare global {
  namespace PDFKit.Mixins {
    interface PDFFont {
      registerFont(name: string, src: Font): this;
    }
  }
}
