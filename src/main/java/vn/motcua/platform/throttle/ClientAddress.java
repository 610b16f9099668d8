package vn.motcua.platform.throttle;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who is calling, for throttling: the socket's peer address, unless that peer is one of
 * {@code motcua.throttle.trusted-proxies} — then the {@code X-Forwarded-For} chain is read from the right, skipping
 * trusted proxies, and the first address not trusted is the client. A header sent by anyone else is ignored, so a
 * client cannot pick a fresh address for each request. (With {@code server.forward-headers-strategy=native} Tomcat
 * has already put the client's address in place for its own trusted proxies; this then sees that address.)
 */
public final class ClientAddress {

    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private final List<Range> trusted;

    public ClientAddress(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(String::strip).filter(s -> !s.isEmpty()).map(Range::parse).toList();
    }

    public String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (trusted.isEmpty() || !isTrusted(peer)) {
            return peer;
        }
        String header = request.getHeader("X-Forwarded-For");
        if (header == null || header.isBlank()) {
            return peer;
        }
        String[] hops = header.split(",");
        String client = peer;
        for (int i = hops.length - 1; i >= 0; i--) {
            Optional<InetAddress> hop = literal(hops[i].strip());
            if (hop.isEmpty()) {
                return client; // garbage in the chain: stop at the last address we could believe
            }
            client = hop.get().getHostAddress();
            if (!isTrusted(hop.get())) {
                return client;
            }
        }
        return client;
    }

    boolean isTrusted(String address) {
        return literal(address).map(this::isTrusted).orElse(false);
    }

    private boolean isTrusted(InetAddress address) {
        return trusted.stream().anyMatch(r -> r.contains(address));
    }

    /** An IP literal (never a name: no DNS lookup), IPv6 with or without brackets. */
    static Optional<InetAddress> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (!LITERAL.matcher(t).matches() || !t.contains(".") && !t.contains(":")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(t));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** An address or CIDR range, e.g. {@code 10.0.0.0/8}, {@code 127.0.0.1}, {@code ::1}. */
    private record Range(byte[] network, int prefix) {

        static Range parse(String text) {
            String[] parts = text.split("/", 2);
            InetAddress address = literal(parts[0].strip())
                    .orElseThrow(() -> new IllegalArgumentException("Not an IP address or CIDR range: " + text));
            byte[] bytes = address.getAddress();
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1].strip()) : bytes.length * 8;
            if (prefix < 0 || prefix > bytes.length * 8) {
                throw new IllegalArgumentException("Bad prefix length in " + text);
            }
            return new Range(bytes, prefix);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            int bits = network.length * 8;
            BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                    .shiftRight(prefix).not().and(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
            return new BigInteger(1, candidate).and(mask).equals(new BigInteger(1, network).and(mask));
        }
    }
}
