package dev.vouch.collect.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Wire bodies of the signed REST calls turned into what the AWS CLI prints: GuardDuty's REST-JSON
 * (camelCase wire names) becomes the CLI's member names ({@code status} → {@code Status},
 * {@code dnsLogs} → {@code DNSLogs}), epoch-second timestamps become the CLI's ISO text, map values
 * such as {@code tags} keep their keys; S3 Control's REST-XML public access block becomes its four
 * booleans. Also reads AWS error bodies. XML is parsed with DOCTYPEs and external entities refused.
 */
final class RestShapes {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Wire names whose CLI member name is not the wire name with a capital first letter. */
    private static final Map<String, String> IRREGULAR = Map.of("dnsLogs", "DNSLogs");
    /** Members that are string-keyed maps: their keys are data, not member names. */
    private static final Set<String> MAPS = Set.of("tags");
    /** Members of GuardDuty's timestamp type (epoch seconds on the wire); its createdAt/updatedAt strings stay as sent. */
    private static final Set<String> TIMESTAMPS = Set.of("updatedAt", "createdAt");
    static final List<String> PUBLIC_ACCESS_BLOCK = List.of("BlockPublicAcls", "IgnorePublicAcls",
            "BlockPublicPolicy", "RestrictPublicBuckets");

    /** An AWS error's code and message ({@code ""} when the body does not say). */
    record ErrorInfo(String code, String message) {
    }

    private RestShapes() {
    }

    /** A REST-JSON body as plain Java values. */
    static Map<String, Object> json(String body, String what) {
        try {
            Object parsed = JSON.readValue(body, Object.class);
            if (parsed instanceof Map<?, ?> m) {
                @SuppressWarnings("unchecked")
                Map<String, Object> map = (Map<String, Object>) m;
                return map;
            }
        } catch (JsonProcessingException e) {
            throw SdkClientException.create(what + " answered malformed JSON at line "
                    + (e.getLocation() == null ? 0 : e.getLocation().getLineNr()) + ": " + e.getOriginalMessage(), e);
        }
        throw SdkClientException.create(what + " answered JSON that is not an object");
    }

    /** A REST-JSON object with the CLI's member names and timestamp format. */
    static Map<String, Object> cli(Map<String, Object> wire) {
        Map<String, Object> out = new LinkedHashMap<>();
        wire.forEach((k, v) -> {
            if (v == null) {
                return;
            }
            Object value = MAPS.contains(k) && v instanceof Map<?, ?> m ? plainMap(m)
                    : TIMESTAMPS.contains(k) && v instanceof Number n ? CliJson.timestamp(epoch(n)) : cliValue(v);
            out.put(IRREGULAR.getOrDefault(k, capitalize(k)), value);
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object cliValue(Object v) {
        if (v instanceof Map<?, ?> m) {
            return cli((Map<String, Object>) m);
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(e -> out.add(e == null ? null : cliValue(e)));
            return out;
        }
        return CliJson.value(v);
    }

    private static Map<String, Object> plainMap(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v == null ? null : CliJson.value(v)));
        return out;
    }

    private static Instant epoch(Number n) {
        BigDecimal seconds = new BigDecimal(n.toString());
        long whole = seconds.longValue();
        long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
        return Instant.ofEpochSecond(whole, nanos);
    }

    private static String capitalize(String k) {
        return k.isEmpty() ? k : Character.toUpperCase(k.charAt(0)) + k.substring(1);
    }

    /** The four settings of an S3 Control {@code PublicAccessBlockConfiguration} body, those present. */
    static Map<String, Object> publicAccessBlock(String xml) {
        Element root = parse(xml, "s3:GetAccountPublicAccessBlock").getDocumentElement();
        if (!"PublicAccessBlockConfiguration".equals(local(root))) {
            throw SdkClientException.create("s3:GetAccountPublicAccessBlock answered <" + local(root)
                    + ">, expected <PublicAccessBlockConfiguration>");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : PUBLIC_ACCESS_BLOCK) {
            first(root, name).ifPresent(text -> out.put(name, parseBoolean(name, text)));
        }
        return out;
    }

    private static boolean parseBoolean(String name, String text) {
        return switch (text.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw SdkClientException.create("s3:GetAccountPublicAccessBlock field " + name
                    + " is not a boolean: '" + text.trim() + "'");
        };
    }

    /** Code and message of a REST-JSON error: {@code x-amzn-ErrorType} header, else {@code __type}/{@code code}. */
    static ErrorInfo jsonError(Optional<String> errorTypeHeader, String body) {
        Map<String, Object> parsed = jsonOrEmpty(body);
        String code = errorTypeHeader.map(h -> h.split(":", 2)[0].trim())
                .orElseGet(() -> text(parsed, "__type", "code", "Code"));
        return new ErrorInfo(code.substring(code.indexOf('#') + 1), text(parsed, "message", "Message"));
    }

    private static Map<String, Object> jsonOrEmpty(String body) {
        try {
            Object o = body.isBlank() ? Map.of() : JSON.readValue(body, Object.class);
            return o instanceof Map<?, ?> m ? plainMap(m) : Map.of();
        } catch (IOException e) {
            return Map.of();
        }
    }

    private static String text(Map<String, Object> m, String... keys) {
        for (String k : keys) {
            if (m.get(k) instanceof String s && !s.isBlank()) {
                return s;
            }
        }
        return "";
    }

    /** Code and message of a REST-XML error ({@code <Error><Code>…</Code><Message>…</Message>}). */
    static ErrorInfo xmlError(String body) {
        if (body.isBlank()) {
            return new ErrorInfo("", "");
        }
        try {
            Element root = parse(body, "error").getDocumentElement();
            return new ErrorInfo(first(root, "Code").orElse(""), first(root, "Message").orElse(""));
        } catch (SdkClientException e) {
            return new ErrorInfo("", "");
        }
    }

    private static Optional<String> first(Element root, String name) {
        NodeList nodes = root.getElementsByTagNameNS("*", name);
        return nodes.getLength() == 0 ? Optional.empty() : Optional.of(nodes.item(0).getTextContent().trim());
    }

    private static String local(Element e) {
        return e.getLocalName() == null ? e.getNodeName() : e.getLocalName();
    }

    private static Document parse(String xml, String what) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new DefaultHandler());
            return b.parse(new InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw SdkClientException.create(what + " answered malformed XML: " + e.getMessage(), e);
        }
    }
}
