import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Mints development bearer tokens (RS256) signed with the development key that only the dev and
 * test profiles trust. JDK only, run from the repository root:
 *
 *   java tools/DevToken.java                          one token per role, tenant "demo"
 *   java tools/DevToken.java --tenant acme audit:read  one token with the roles given
 *
 * Never use this key for anything but local development: its private half is in the repository.
 */
public class DevToken {

    static final String ISSUER = "https://radpair.local/dev";
    static final Path PRIVATE_KEY = Path.of("api/src/test/resources/dev-jwt/privateKey.pem");
    static final List<String> ROLES = List.of("claims:validate", "audit:read", "findings:write");

    public static void main(String[] args) throws Exception {
        String tenant = "demo";
        List<String> roles = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--tenant") && i + 1 < args.length) {
                tenant = args[++i];
            } else {
                roles.add(args[i]);
            }
        }
        PrivateKey key = privateKey();
        if (roles.isEmpty()) {
            for (String role : ROLES) {
                List<String> groups = role.equals("findings:write") ? List.of("audit:read", role) : List.of(role);
                System.out.println(role + "\t" + token(key, tenant, groups));
            }
        } else {
            System.out.println(token(key, tenant, roles));
        }
    }

    static PrivateKey privateKey() throws Exception {
        String pem = Files.readString(PRIVATE_KEY).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }

    static String token(PrivateKey key, String tenant, List<String> groups) throws Exception {
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String payload = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"dev-user\",\"upn\":\"dev-user\",\"tenant\":\"" + tenant
                + "\",\"groups\":[" + String.join(",", groups.stream().map(g -> "\"" + g + "\"").toList())
                + "],\"iat\":" + now + ",\"exp\":" + (now + 12 * 3600) + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
        String signingInput = b64(header) + "." + b64(payload);
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
    }

    static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
