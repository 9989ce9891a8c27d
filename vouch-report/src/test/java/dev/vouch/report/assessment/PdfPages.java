package dev.vouch.report.assessment;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/** What a reader gets out of a PDF: its text (as a viewer would copy it), page count, fonts, page images. */
record PdfPages(int pages, String text, boolean allFontsEmbedded, byte[] bytes) {

    static PdfPages of(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            boolean embedded = true;
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont f = page.getResources().getFont(name);
                    embedded &= f.isEmbedded();
                }
            }
            return new PdfPages(doc.getNumberOfPages(), new PDFTextStripper().getText(doc), embedded, pdf);
        } catch (IOException e) {
            throw new UncheckedIOException("not a readable PDF", e);
        }
    }

    /** The text with every run of white space (line breaks from wrapping included) made one space. */
    String flat() {
        return text.replaceAll("\\s+", " ");
    }

    /** The text of one page (1-based). */
    String page(int n) {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            PDFTextStripper s = new PDFTextStripper();
            s.setStartPage(n);
            s.setEndPage(n);
            return s.getText(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Page {@code n} (1-based) rendered at 50 dpi. */
    BufferedImage image(int n) {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            return new PDFRenderer(doc).renderImageWithDPI(n - 1, 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Share of pixels in a rectangle of the image that are not near-white. */
    static double inked(BufferedImage img, int x0, int y0, int x1, int y1) {
        long ink = 0;
        long all = 0;
        for (int y = y0; y < Math.min(y1, img.getHeight()); y++) {
            for (int x = x0; x < Math.min(x1, img.getWidth()); x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                ink += r + g + b < 600 ? 1 : 0;
                all++;
            }
        }
        return all == 0 ? 0 : ink / (double) all;
    }
}
