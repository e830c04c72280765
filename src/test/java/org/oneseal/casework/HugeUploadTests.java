package org.oneseal.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oneseal.BadInputCorpus;
import org.oneseal.HttpSessionClient;
import org.oneseal.ServerTest;
import org.oneseal.identity.DemoAccounts;
import org.oneseal.matter.MatterVersionView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;

/**
 * Huge uploads through the real container (whose multipart limits MockMvc does not have): a file over the
 * material limit is refused by name on its field, a request over the upload limit gets 413 with a message
 * saying the limits — never the container's bare error, a broken connection or a 500.
 */
@ServerTest
class HugeUploadTests {

    private static final long MB = 1024 * 1024;

    @LocalServerPort
    int port;
    @Autowired
    CaseworkTestSupport support;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.oneseal.TestClock clock;

    HttpSessionClient zhangsan;
    MatterVersionView food;

    @BeforeEach
    void signIn() {
        clock.travelTo(java.time.LocalDate.of(2026, 6, 15));
        food = support.foodPermit("990100");
        zhangsan = new HttpSessionClient(port);
        assertThat(zhangsan.submit("/login", "/login", Map.of("username", "zhangsan", "password", DemoAccounts.PASSWORD))
                .statusCode()).isEqualTo(302);
        zhangsan.get("/apply/" + food.matterId());
    }

    @AfterEach
    void backToToday() {
        clock.reset();
    }

    @Test
    void aFileOfTwentyFiveMegabytesIsRefusedByNameOnThePageAndTheApi() {
        long cases = support.count("case_file");
        String code = food.materials().getFirst().code();

        HttpResponse<String> page = post("/apply/" + food.matterId(), form(code, 25 * MB).field("_csrf", zhangsan.csrfToken()),
                true, false);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(HtmlUtils.htmlUnescape(MaterialUploadTests.fieldError(page.body(), "file-" + code)))
                .isEqualTo("“营业执照扫描件.pdf”超过10MB，请压缩后再上传");

        HttpResponse<String> api = post("/api/v1/cases", form(code, 25 * MB), true, true);
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.body()).contains("\"materials[" + code + "]\":\"“营业执照扫描件.pdf”超过10MB，请压缩后再上传\"");
        assertThat(support.count("case_file")).isEqualTo(cases);
    }

    @Test
    void aRequestOverTheUploadLimitGets413WithTheLimitsWhetherItsLengthIsKnownOrNot() {
        long cases = support.count("case_file");
        String code = food.materials().getFirst().code();

        HttpResponse<String> page = post("/apply/" + food.matterId(), form(code, 101 * MB).field("_csrf", zhangsan.csrfToken()),
                true, false);
        assertThat(page.statusCode()).isEqualTo(413);
        assertThat(page.body()).contains("上传的文件合计超过100MB，未提交任何内容");

        HttpResponse<String> api = post("/api/v1/cases", form(code, 101 * MB), false, true);
        assertThat(api.statusCode()).isEqualTo(413);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(api.body()).contains("上传的文件合计超过100MB");
        assertThat(support.count("case_file")).isEqualTo(cases);
    }

    /** An application whose first material is a PDF of the given size; the other materials are fine. */
    private Multipart form(String code, long size) {
        Multipart form = new Multipart().field("matterId", "" + food.matterId()).field("submissionKey", "huge-" + size);
        CaseworkTestSupport.requiredFiles(food).stream().filter(f -> !f.requirementCode().equals(code))
                .forEach(f -> form.file("file." + f.requirementCode(), f.fileName(), f.content(), 0));
        return form.file("file." + code, "营业执照扫描件.pdf", BadInputCorpus.pdf(), size - BadInputCorpus.pdf().length);
    }

    private HttpResponse<String> post(String path, Multipart body, boolean knownLength, boolean api) {
        return zhangsan.send(path, r -> {
            r.header("Content-Type", "multipart/form-data; boundary=" + Multipart.BOUNDARY)
                    .header("Accept", api ? "application/json" : "text/html");
            if (api) {
                r.header("X-CSRF-TOKEN", zhangsan.csrfToken());
            }
            HttpRequest.BodyPublisher stream = HttpRequest.BodyPublishers.ofInputStream(body::stream);
            return r.POST(knownLength ? HttpRequest.BodyPublishers.fromPublisher(stream, body.length()) : stream);
        });
    }

    /** A multipart/form-data body, streamed: a file may be followed by any number of filler bytes. */
    static final class Multipart {
        static final String BOUNDARY = "oneseal-test-boundary-7f3a";
        private final List<byte[]> heads = new ArrayList<>();
        private final List<Long> fillers = new ArrayList<>();

        Multipart field(String name, String value) {
            heads.add(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                    + "\r\n").getBytes(StandardCharsets.UTF_8));
            fillers.add(0L);
            return this;
        }

        Multipart file(String name, String fileName, byte[] start, long filler) {
            byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                    + fileName + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] part = new byte[head.length + start.length];
            System.arraycopy(head, 0, part, 0, head.length);
            System.arraycopy(start, 0, part, head.length, start.length);
            heads.add(part);
            fillers.add(filler);
            heads.add("\r\n".getBytes(StandardCharsets.US_ASCII));
            fillers.add(0L);
            return this;
        }

        long length() {
            long n = ("--" + BOUNDARY + "--\r\n").length();
            for (int i = 0; i < heads.size(); i++) {
                n += heads.get(i).length + fillers.get(i);
            }
            return n;
        }

        InputStream stream() {
            List<InputStream> parts = new ArrayList<>();
            for (int i = 0; i < heads.size(); i++) {
                parts.add(new ByteArrayInputStream(heads.get(i)));
                parts.add(new Zeros(fillers.get(i)));
            }
            parts.add(new ByteArrayInputStream(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII)));
            return new SequenceInputStream(Collections.enumeration(parts));
        }
    }

    /** So many zero bytes, without holding them. */
    private static final class Zeros extends InputStream {
        private long left;

        Zeros(long count) {
            this.left = count;
        }

        @Override
        public int read() {
            return left-- > 0 ? 0 : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) 0);
            left -= n;
            return n;
        }
    }
}
