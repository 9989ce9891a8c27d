package dev.vouch.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The enrolment QR code, drawn back from its SVG path and read by a QR decoder, is the otpauth URI. */
class QrTest {
    @Test
    void svgPathDecodesToTheText() throws Exception {
        String uri = "otpauth://totp/Vouch%20Acme:alice?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Vouch%20Acme&digits=6&period=30";
        Qr.Code code = Qr.of(uri);
        assertThat(decode(code.size(), code.path())).isEqualTo(uri);
    }

    static String decode(int size, String path) throws Exception {
        int scale = 4;
        int w = size * scale;
        int[] pixels = new int[w * w];
        java.util.Arrays.fill(pixels, 0xFFFFFFFF);
        Matcher m = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(path);
        while (m.find()) {
            int x = Integer.parseInt(m.group(1));
            int y = Integer.parseInt(m.group(2));
            for (int dy = 0; dy < scale; dy++) {
                for (int dx = 0; dx < scale; dx++) {
                    pixels[(y * scale + dy) * w + x * scale + dx] = 0xFF000000;
                }
            }
        }
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, w, pixels)))).getText();
    }
}
