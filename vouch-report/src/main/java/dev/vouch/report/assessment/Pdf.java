package dev.vouch.report.assessment;

import com.openhtmltopdf.extend.FSObjectDrawer;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.render.DefaultObjectDrawerFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Renders the report XHTML to PDF (openhtmltopdf on PDFBox): A4 paged media, the bundled fonts embedded
 * (subset), tables paginated with repeated headers, charts drawn as vectors.
 */
public final class Pdf {
    static {
        // openhtmltopdf logs every font load and page through java.util.logging; the report's CSS is ours and tested
        com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
    }

    private Pdf() {
    }

    /** The readiness report as PDF bytes. */
    public static byte[] readiness(ReadinessModel model) {
        ChartSink.Vector charts = new ChartSink.Vector();
        String xhtml = new ReadinessHtml(model, charts).document();
        return render(xhtml, charts, "SOC 2 readiness report — " + model.organization());
    }

    /** The Type II report as PDF bytes. */
    public static byte[] type2(Type2Model model) {
        return render(new Type2Html(model).document(), new ChartSink.Vector(), "SOC 2 Type II observation — " + model.organization());
    }

    static byte[] render(String xhtml, ChartSink.Vector charts, String title) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        PdfRendererBuilder b = new PdfRendererBuilder();
        b.useFastMode();
        b.withHtmlContent(xhtml, null);
        b.useFont(() -> Fonts.open(Fonts.SANS), "DejaVu Sans", 400, FontStyle.NORMAL, true);
        b.useFont(() -> Fonts.open(Fonts.SANS_BOLD), "DejaVu Sans", 700, FontStyle.NORMAL, true);
        b.useFont(() -> Fonts.open(Fonts.MONO), "DejaVu Sans Mono", 400, FontStyle.NORMAL, true);
        DefaultObjectDrawerFactory objects = new DefaultObjectDrawerFactory();
        objects.registerDrawer("vouch-chart", chartDrawer(charts));
        b.useObjectDrawerFactory(objects);
        b.withProducer("Vouch");
        b.toStream(out);
        try {
            b.run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the PDF '" + title + "'", e);
        }
        return out.toByteArray();
    }

    private static FSObjectDrawer chartDrawer(ChartSink.Vector charts) {
        return (element, x, y, width, height, device, ctx, dotsPerPixel) -> {
            String id = element.getAttribute("data-chart");
            float w = (float) (width / dotsPerPixel);
            float h = (float) (height / dotsPerPixel);
            device.drawWithGraphics((float) x, (float) y, w, h, g -> charts.draw(id, g, w, h));
            return Map.of();
        };
    }
}
