package dev.vouch.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vouch.model.Finding;
import dev.vouch.model.Origin;
import dev.vouch.model.Outcome;
import dev.vouch.model.ScanResult;
import dev.vouch.model.Severity;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class JUnitRendererTest {

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        DocumentBuilder b = f.newDocumentBuilder();
        return b.parse(new InputSource(new StringReader(xml)));
    }

    @Test
    void outputMatchesGolden() throws Exception {
        Golden.assertMatches(Golden.render(new JUnitRenderer(), SampleScan.input()), "scan-junit.xml");
    }

    @Test
    void countsPerSuiteAndOverall() throws Exception {
        Document doc = parse(Golden.render(new JUnitRenderer(), SampleScan.input()));
        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("tests")).isEqualTo("10");
        assertThat(root.getAttribute("failures")).isEqualTo("3");
        assertThat(root.getAttribute("errors")).isEqualTo("3");
        assertThat(root.getAttribute("skipped")).isEqualTo("2");
        assertThat(root.getAttribute("time")).isEqualTo("102.500");
        NodeList suites = doc.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(6);
        Element stg = (Element) suites.item(3);
        assertThat(stg.getAttribute("name")).isEqualTo("AZ-STG-003 Storage accounts reject TLS below 1.2");
        assertThat(stg.getAttribute("tests")).isEqualTo("4");
        assertThat(stg.getAttribute("failures")).isEqualTo("1");
        assertThat(stg.getAttribute("errors")).isEqualTo("1");
        assertThat(stg.getAttribute("skipped")).isEqualTo("1");
        assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(10);
        assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(3);
        assertThat(doc.getElementsByTagName("error").getLength()).isEqualTo(3);
        assertThat(doc.getElementsByTagName("skipped").getLength()).isEqualTo(2);
        Element sqlFailure = (Element) ((Element) suites.item(2)).getElementsByTagName("failure").item(0);
        assertThat(sqlFailure.getAttribute("type")).isEqualTo("critical");
        assertThat(sqlFailure.getTextContent()).contains("Fix: Delete firewall rules that allow every address & restrict access to known <ranges>.");
    }

    @Test
    void escapesMarkupAndDropsControlCharacters() throws Exception {
        Finding nasty = new Finding("GIT-001", Severity.LOW, "git.repository", "repo<&>\"'", "repo", "git", Outcome.FAIL,
                "branch \"main\" <unprotected> & \u0007bell ]]> end", Origin.of("git", "."), "");
        ScanResult s = new ScanResult(Instant.EPOCH, Instant.EPOCH, List.of("git:."), 1, List.of(nasty), List.of(), List.of(), List.of());
        String xml = Golden.render(new JUnitRenderer(), new ReportInput(s, Map.of()));
        Document doc = parse(xml);
        Element failure = (Element) doc.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("branch \"main\" <unprotected> & bell ]]> end");
        assertThat(((Element) doc.getElementsByTagName("testcase").item(0)).getAttribute("name")).isEqualTo("repo (repo<&>\"')");
    }
}
