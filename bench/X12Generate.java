import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes an 837P interchange with N claims (one subscriber each, a rotating mix of radiology
 * claims of one to three lines) for the ingestion benchmark. JDK only:
 *   java bench/X12Generate.java 10000 bench/results/claims-10000.x12
 */
public class X12Generate {

    private static final String[][] CLAIMS = {
            {"R519", "70450:26"}, {"R918 R059", "71260:26 71046:26"}, {"Z1231", "77067:26"},
            {"R109 K8020", "74178:26"}, {"M5450", "72148:26"}, {"M25561 M25562", "73721:RT 73721:LT"},
            {"G43909 D330", "70553:26"}, {"Z13820", "77080"}};

    public static void main(String[] args) throws IOException {
        int count = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        int segments = 0;
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.US_ASCII)) {
            w.write("ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *260302*1200*^*00501*000000777*0*T*:~\n");
            w.write("GS*HC*SENDER*RECEIVER*20260302*1200*1*X*005010X222A1~\n");
            StringBuilder t = new StringBuilder();
            segments += line(t, "ST*837*0001*005010X222A1");
            segments += line(t, "BHT*0019*00*0123*20260302*1200*CH");
            segments += line(t, "NM1*41*2*RADPAIR BENCH*****46*BENCH01");
            segments += line(t, "NM1*40*2*PAYER*****46*PAYER01");
            segments += line(t, "HL*1**20*1");
            segments += line(t, "NM1*85*2*RADIOLOGY GROUP*****XX*1234567893");
            for (int i = 0; i < count; i++) {
                String[] claim = CLAIMS[i % CLAIMS.length];
                segments += line(t, "HL*" + (i + 2) + "*1*22*0");
                segments += line(t, "SBR*P*18*******MB");
                segments += line(t, "NM1*IL*1*DOE*JANE****MI*MRN" + (i % 5000));
                segments += line(t, "DMG*D8*19610402*F");
                segments += line(t, "NM1*PR*2*MEDICARE JL*****PI*MEDICARE-JL");
                segments += line(t, "CLM*X" + i + "-" + System.nanoTime() % 100000 + "*250***11:B:1*Y*A*Y*Y");
                String[] dx = claim[0].split(" ");
                StringBuilder hi = new StringBuilder("HI");
                for (int d = 0; d < dx.length; d++) {
                    hi.append('*').append(d == 0 ? "ABK:" : "ABF:").append(dx[d]);
                }
                segments += line(t, hi.toString());
                String[] lines = claim[1].split(" ");
                for (int l = 0; l < lines.length; l++) {
                    segments += line(t, "LX*" + (l + 1));
                    segments += line(t, "SV1*HC:" + lines[l] + "*250*UN*1***" + (l < dx.length ? l + 1 : 1));
                    segments += line(t, "DTP*472*D8*20260302");
                }
                if (t.length() > 1 << 20) {
                    w.write(t.toString());
                    t.setLength(0);
                }
            }
            segments += 1;
            t.append("SE*").append(segments).append("*0001~\n");
            w.write(t.toString());
            w.write("GE*1*1~\n");
            w.write("IEA*1*000000777~\n");
        }
        System.out.println(out + ": " + count + " claims, " + Files.size(out) + " bytes");
    }

    private static int line(StringBuilder t, String segment) {
        t.append(segment).append("~\n");
        return 1;
    }
}
