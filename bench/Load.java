import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The benchmark and fault-test client: plain HTTP against a running platform, as real users do it
 * (form login with password and TOTP, CSRF token, session cookie, the JSON API). No dependencies.
 *
 * <pre>
 *   java Load.java lifecycle  BASE CLIENTS WARMUP_S MEASURE_S     full case lifecycles, cases/s
 *   java Load.java throughput BASE PATH CLIENTS WARMUP_S MEASURE_S  GETs per second of one path
 *   java Load.java latency    BASE USER PATH SAMPLES               sequential GETs of a signed-in user, p50/p95/p99
 *   java Load.java latencies  BASE USER SAMPLES NAME[:N]=PATH...  the same for several paths in one session (N samples
 *                                                                 of a path instead of SAMPLES): RESULT NAME p95
 *   java Load.java downloads  BASE USER SAMPLES WARMUP NAME=PATH... files (reports) one after another in one session: RESULT NAME p95 s
 *   java Load.java concurrent-latency BASE PATH CLIENTS SECONDS [WARMUP_S]  anonymous GETs by many clients at once, p95
 *   java Load.java submit     BASE CLIENTS SECONDS OUT_FILE         idempotent submissions that retry through outages
 *   java Load.java count      BASE OUT_FILE                         checks the submissions recorded in OUT_FILE
 *   java Load.java switch     BASE_A BASE_B USER                    signs in on node A, goes on on node B, signs out there
 *   java Load.java hall-queue BASE USERS HALL_ID WINDOW_IDS WARMUP_S MEASURE_S [PAUSES_MS]  a client per window: call next, a ticket; p95 of each
 *   java Load.java hall-race  BASE USERS SLOT_ID ACCOUNTS_FILE      one booking per account for one slot, all at once
 * </pre>
 * Output lines {@code RESULT name value unit}; comments start with {@code #}.
 */
public class Load {

    static final String PASSWORD = "Demo@2026!";
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    static final Pattern MATTER = Pattern.compile("\"matterId\"\\s*:\\s*(\\d+)");
    static final Pattern MATERIAL = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]+)\"\\s*,\\s*\"name\"\\s*:\\s*\"[^\"]*\"\\s*,\\s*\"required\"\\s*:\\s*(true|false)");
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "lifecycle" -> lifecycle(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            case "throughput" -> throughput(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]), Integer.parseInt(args[5]));
            case "latency" -> latency(args[1], args[2], args[3], Integer.parseInt(args[4]));
            case "latencies" -> latencies(args[1], args[2], Integer.parseInt(args[3]), Arrays.copyOfRange(args, 4, args.length));
            case "downloads" -> downloads(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    Arrays.copyOfRange(args, 5, args.length));
            case "concurrent-latency" -> concurrentLatency(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    args.length > 5 ? Integer.parseInt(args[5]) : 5);
            case "submit" -> submit(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Path.of(args[4]));
            case "count" -> count(args[1], Path.of(args[2]));
            case "switch" -> sessionSwitch(args[1], args[2], args[3]);
            case "hall-queue" -> hallQueue(args[1], args[2], Long.parseLong(args[3]), args[4], Integer.parseInt(args[5]),
                    Integer.parseInt(args[6]), args.length > 7 ? args[7] : "0");
            case "hall-race" -> hallRace(args[1], args[2], Long.parseLong(args[3]), Path.of(args[4]));
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    // ---------------------------------------------------------------- lifecycle

    /** Applicants submit (2 materials), window staff accept, a reviewer reviews, a chief grants (licence signed), window staff deliver. */
    static void lifecycle(String base, int clients, int warmup, int measure) throws Exception {
        Matter matter = matterWithTwoRequiredMaterials(base);
        System.out.printf("# lifecycle: matter %d, materials %s, %d clients%n", matter.id, matter.required, clients);
        Session window = Session.staff(base, "window01");
        Session reviewer = Session.staff(base, "reviewer01");
        Session chief = Session.staff(base, "chief01");
        List<Session> applicants = applicants(base, clients);

        String[] steps = {"submit", "accept", "review", "decide", "deliver"};
        Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
        for (String s : steps) {
            latencies.put(s, Collections.synchronizedList(new ArrayList<>()));
        }
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        Map<String, AtomicInteger> errorKinds = new ConcurrentHashMap<>();
        long warmupEnd = System.nanoTime() + warmup * 1_000_000_000L;
        long end = warmupEnd + measure * 1_000_000_000L;
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                Session applicant = applicants.get(c);
                futures.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        boolean measured = System.nanoTime() >= warmupEnd;
                        try {
                            long[] t = new long[6];
                            t[0] = System.nanoTime();
                            Response submitted = applicant.multipart("/api/v1/cases", Map.of("matterId", String.valueOf(matter.id)),
                                    matter.files(), UUID.randomUUID().toString());
                            String id = expect(submitted, 201, "submit", ID);
                            t[1] = System.nanoTime();
                            expect(window.postJson("/api/v1/cases/" + id + "/acceptance", ""), 200, "accept", null);
                            t[2] = System.nanoTime();
                            expect(reviewer.postJson("/api/v1/cases/" + id + "/review", "{\"text\":\"材料齐全，符合法定条件\"}"), 200, "review", null);
                            t[3] = System.nanoTime();
                            expect(chief.postJson("/api/v1/cases/" + id + "/decision",
                                    "{\"grant\":true,\"reasons\":\"经审查，符合法定条件和标准\"}"), 200, "decide", null);
                            t[4] = System.nanoTime();
                            expect(window.postJson("/api/v1/cases/" + id + "/delivery", "{\"text\":\"DOWNLOAD\"}"), 200, "deliver", null);
                            t[5] = System.nanoTime();
                            if (measured && System.nanoTime() < end) {
                                done.incrementAndGet();
                                for (int i = 0; i < steps.length; i++) {
                                    latencies.get(steps[i]).add(t[i + 1] - t[i]);
                                }
                            }
                        } catch (RuntimeException e) {
                            errors.incrementAndGet();
                            errorKinds.computeIfAbsent(String.valueOf(e.getMessage()).lines().findFirst().orElse(""),
                                    k -> new AtomicInteger()).incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        double rate = done.get() / (double) measure;
        System.out.printf("RESULT lifecycle %.1f cases/s%n", rate);
        System.out.printf("RESULT lifecycle_requests %.1f requests/s%n", rate * steps.length);
        for (String s : steps) {
            System.out.printf("# %-8s p50 %6.1f ms  p95 %6.1f ms%n", s, percentile(latencies.get(s), 50), percentile(latencies.get(s), 95));
        }
        System.out.printf("# lifecycle: %d cases completed in %d s, %d failed%n", done.get(), measure, errors.get());
        errorKinds.forEach((k, v) -> System.out.printf("#   %d x %s%n", v.get(), k));
        if (errors.get() > 0) {
            System.exit(1);
        }
    }

    record Matter(long id, List<String> required) {
        Map<String, byte[]> files() {
            Map<String, byte[]> files = new LinkedHashMap<>();
            for (String code : required) {
                files.put(code, ("%PDF-1.4\n% bench material " + code + "\n" + "x".repeat(20_000) + "\n%%EOF\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return files;
        }
    }

    /** A city matter of the demo catalogue that is applied for with exactly two required materials and ends in a licence. */
    static Matter matterWithTwoRequiredMaterials(String base) {
        Response list = Session.anonymous(base).get("/api/v1/public/matters?q=" + enc("户外广告"));
        Matcher m = MATTER.matcher(list.body);
        while (m.find()) {
            long id = Long.parseLong(m.group(1));
            Response guide = Session.anonymous(base).get("/api/v1/public/matters/" + id);
            List<String> required = new ArrayList<>();
            Matcher mat = MATERIAL.matcher(guide.body);
            while (mat.find()) {
                if (mat.group(2).equals("true")) {
                    required.add(mat.group(1));
                }
            }
            if (required.size() == 2 && guide.body.contains("\"licenceKind\":\"")) {
                return new Matter(id, required);
            }
        }
        throw new IllegalStateException("no demo matter with two required materials found: " + list.body);
    }

    /** Registers (or re-uses) one applicant account per client and signs each in. */
    static List<Session> applicants(String base, int n) throws Exception {
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        List<Session> sessions = Collections.synchronizedList(new ArrayList<>(Collections.nCopies(n, (Session) null)));
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(n, 8))) {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                futures.add(pool.submit(() -> {
                    String username = "bench" + run + "x" + k;
                    String idCard = idCard(k);
                    Response r = Session.anonymous(base).postJson("/api/v1/registrations/person", """
                            {"username":"%s","password":"%s","passwordConfirm":"%s","realName":"压测用户%d",
                             "idCardNumber":"%s","phone":"13800000000"}""".formatted(username, PASSWORD, PASSWORD, k, idCard));
                    if (r.status != 201) {
                        throw new IllegalStateException("registration of " + username + ": " + r.status + " " + r.body);
                    }
                    sessions.set(k, Session.login(base, username, null));
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        return sessions;
    }

    /** A valid ID card number (GB 11643) per client, with a birth date that differs by run and client. */
    static String idCard(int k) {
        LocalDate birth = LocalDate.of(1960, 1, 1).plusDays((System.nanoTime() / 1000 + k * 7919L) % 15000);
        String first17 = "110105" + birth.toString().replace("-", "") + String.format("%03d", k % 1000);
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * w[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    // ---------------------------------------------------------------- throughput and latency

    static void throughput(String base, String path, int clients, int warmup, int measure) throws Exception {
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long warmupEnd = System.nanoTime() + warmup * 1_000_000_000L;
        long end = warmupEnd + measure * 1_000_000_000L;
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> {
                    Session s = Session.anonymous(base);
                    while (System.nanoTime() < end) {
                        Response r = s.get(path);
                        if (r.status != 200) {
                            errors.incrementAndGet();
                        } else if (System.nanoTime() >= warmupEnd && System.nanoTime() < end) {
                            done.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        System.out.printf("RESULT throughput %.1f requests/s%n", done.get() / (double) measure);
        System.out.printf("# %s: %d requests in %d s by %d clients, %d not 200%n", path, done.get(), measure, clients, errors.get());
        if (errors.get() > 0) {
            System.exit(1);
        }
    }

    static void latency(String base, String user, String path, int samples) {
        Session s = Session.staff(base, user);
        sequential(s, user, path, samples, Math.max(20, samples / 10), "latency_p95");
    }

    /**
     * {@link #latency} of several paths, one sign-in for all (a second TOTP sign-in of the same user within 30 s waits
     * for the next time step): each NAME=PATH prints {@code RESULT NAME p95 ms}; a shorter warm-up per path.
     */
    static void latencies(String base, String user, int samples, String[] namedPaths) {
        Session s = Session.staff(base, user);
        for (String named : namedPaths) {
            int eq = named.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected NAME=PATH: " + named);
            }
            // NAME:N=PATH: N samples of this path instead of SAMPLES
            String name = named.substring(0, eq);
            int n = samples;
            if (name.contains(":")) {
                n = Integer.parseInt(name.substring(name.indexOf(':') + 1));
                name = name.substring(0, name.indexOf(':'));
            }
            sequential(s, user, named.substring(eq + 1), n, Math.max(5, n / 10), name);
        }
    }

    private static void sequential(Session s, String user, String path, int samples, int warmup, String name) {
        long first = 0;
        for (int i = 0; i < warmup; i++) {
            long t = System.nanoTime();
            s.get(path);
            if (i == 0) {
                first = System.nanoTime() - t;
            }
        }
        List<Long> times = new ArrayList<>();
        String body = "";
        for (int i = 0; i < samples; i++) {
            long t = System.nanoTime();
            Response r = s.get(path);
            times.add(System.nanoTime() - t);
            if (r.status != 200) {
                throw new IllegalStateException(path + " answered " + r.status + ": " + r.body);
            }
            body = r.body;
        }
        System.out.printf("RESULT %s %.1f ms%n", name, percentile(times, 95));
        System.out.printf("# %s as %s: %d samples, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %d bytes; the first request "
                        + "(before %d warm-ups) %.1f ms%n", path, user, samples, percentile(times, 50), percentile(times, 95),
                percentile(times, 99), body.length(), warmup, first / 1e6);
        // figures (the statistics API) say whether they were computed: count them by status
        Map<String, Integer> statuses = new java.util.TreeMap<>();
        Matcher st = FIGURE_STATUS.matcher(body);
        while (st.find()) {
            statuses.merge(st.group(1), 1, Integer::sum);
        }
        if (!statuses.isEmpty()) {
            System.out.printf("#   figures in the answer by status: %s%n", statuses);
        }
    }

    static final Pattern FIGURE_STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");

    /**
     * Files (generated reports) one after another in one session: per NAME=PATH, WARMUP downloads not counted, then
     * SAMPLES measured, from sending to the last byte; each must answer 200 with a non-empty body (a .docx is a zip,
     * a .pdf starts with %PDF when the path asks for {@code format=docx|pdf}). Prints {@code RESULT NAME p95 s}; a path
     * that answers 404 (not there in this version) prints {@code RESULT NAME nan s} and the others go on.
     */
    static void downloads(String base, String user, int samples, int warmup, String[] namedPaths) {
        Session s = Session.staff(base, user);
        boolean failed = false;
        for (String named : namedPaths) {
            int eq = named.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected NAME=PATH: " + named);
            }
            String name = named.substring(0, eq);
            String path = named.substring(eq + 1);
            List<Long> times = new ArrayList<>();
            HttpResponse<byte[]> last = null;
            String problem = null;
            for (int i = 0; i < warmup + samples && problem == null; i++) {
                long t = System.nanoTime();
                HttpResponse<byte[]> r = s.download(path);
                long took = System.nanoTime() - t;
                last = r;
                if (r.statusCode() != 200) {
                    problem = "answered " + r.statusCode() + ": " + new String(r.body(), 0, Math.min(300, r.body().length),
                            StandardCharsets.UTF_8).replace('\n', ' ');
                } else if (!looksLike(path, r.body())) {
                    problem = "answered 200 with " + r.body().length + " bytes that are not the format asked for ("
                            + r.headers().firstValue("Content-Type").orElse("no Content-Type") + ")";
                } else if (i >= warmup) {
                    times.add(took);
                }
            }
            if (problem != null) {
                System.out.printf("RESULT %s nan s%n", name);
                System.out.printf("# %s as %s %s%n", path, user, problem);
                failed |= last == null || last.statusCode() != 404;
                continue;
            }
            System.out.printf(Locale.ROOT, "RESULT %s %.2f s%n", name, percentile(times, 95) / 1000);
            System.out.printf(Locale.ROOT, "# %s as %s: %d samples after %d warm-up, p50 %.2f s, p95 %.2f s, max %.2f s, "
                            + "%d bytes, %s%n", path, user, samples, warmup, percentile(times, 50) / 1000,
                    percentile(times, 95) / 1000, percentile(times, 100) / 1000, last.body().length,
                    last.headers().firstValue("Content-Type").orElse("no Content-Type"));
        }
        if (failed) {
            System.exit(1);
        }
    }

    static boolean looksLike(String path, byte[] body) {
        if (body.length == 0) {
            return false;
        }
        if (path.contains("format=docx")) {
            return body.length > 4 && body[0] == 'P' && body[1] == 'K';
        }
        if (path.contains("format=pdf")) {
            return body.length > 4 && new String(body, 0, 4, StandardCharsets.ISO_8859_1).equals("%PDF");
        }
        return true;
    }

    static final Pattern SERVER_TIMING_APP = Pattern.compile("(?:^|,)\\s*app\\s*;(?:[^,]*?;)?\\s*dur\\s*=\\s*\"?([0-9.]+)");

    /**
     * CLIENTS anonymous clients (no cookies kept: each GET is a first visit) GET one path in a loop as fast as it
     * answers, WARMUP_S seconds not counted, then SECONDS measured. Every answer must be 200. The time of a GET is
     * the server's own ({@code Server-Timing: app;dur=<ms>}) when every measured answer carries it, else the time the
     * client measured from sending to the last byte (which includes waiting for a connection and a CPU on the
     * client's side, on a machine shared with the server).
     */
    static void concurrentLatency(String base, String path, int clients, int seconds, int warmup) throws Exception {
        // a few HTTP/1.1 clients (each has one selector thread), one connection per client thread and request
        List<HttpClient> https = new ArrayList<>();
        for (int i = 0; i < Math.max(1, Math.min(8, clients / 25)); i++) {
            https.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build());
        }
        URI uri = URI.create(base + path);
        long warmupEnd = System.nanoTime() + warmup * 1_000_000_000L;
        long end = warmupEnd + seconds * 1_000_000_000L;
        List<long[]> clientTimes = Collections.synchronizedList(new ArrayList<>());
        List<long[]> serverTimes = Collections.synchronizedList(new ArrayList<>());
        AtomicLong errors = new AtomicLong();
        AtomicLong withoutTiming = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        Map<String, AtomicInteger> errorKinds = new ConcurrentHashMap<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                HttpClient http = https.get(c % https.size());
                futures.add(pool.submit(() -> {
                    long[] mine = new long[1 << 12];
                    long[] server = new long[1 << 12];
                    int n = 0;
                    HttpRequest request = HttpRequest.newBuilder(uri).GET().header("Accept", "text/html")
                            .timeout(Duration.ofSeconds(30)).build();
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        String error = null;
                        HttpResponse<byte[]> r = null;
                        try {
                            r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                            if (r.statusCode() != 200) {
                                error = "status " + r.statusCode();
                            }
                        } catch (IOException e) {
                            error = e.getClass().getSimpleName() + ": " + e.getMessage();
                        }
                        long t1 = System.nanoTime();
                        if (error != null) {
                            errors.incrementAndGet();
                            errorKinds.computeIfAbsent(error, k -> new AtomicInteger()).incrementAndGet();
                            continue;
                        }
                        if (t0 >= warmupEnd && t1 < end) {
                            if (n == mine.length) {
                                mine = Arrays.copyOf(mine, n * 2);
                                server = Arrays.copyOf(server, n * 2);
                            }
                            mine[n] = t1 - t0;
                            Matcher m = SERVER_TIMING_APP.matcher(String.join(",", r.headers().allValues("Server-Timing")));
                            if (m.find()) {
                                server[n] = Math.round(Double.parseDouble(m.group(1)) * 1e6);
                            } else {
                                server[n] = -1;
                                withoutTiming.incrementAndGet();
                            }
                            bytes.addAndGet(r.body().length);
                            n++;
                        }
                    }
                    clientTimes.add(Arrays.copyOf(mine, n));
                    serverTimes.add(Arrays.copyOf(server, n));
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        List<Long> client = new ArrayList<>();
        clientTimes.forEach(a -> Arrays.stream(a).forEach(client::add));
        List<Long> server = new ArrayList<>();
        serverTimes.forEach(a -> Arrays.stream(a).filter(t -> t >= 0).forEach(server::add));
        boolean serverTimed = !client.isEmpty() && withoutTiming.get() == 0;
        List<Long> reported = serverTimed ? server : client;
        System.out.printf("RESULT latency_p95 %.1f ms%n", percentile(reported, 95));
        System.out.printf("RESULT latency_requests %d count%n", client.size());
        System.out.printf("RESULT latency_errors %d count%n", errors.get());
        System.out.printf("# %s: %d clients, %d s (after %d s warm-up): %d answers of 200 (%.0f/s, %d bytes each on average), %d errors%n",
                path, clients, seconds, warmup, client.size(), client.size() / (double) seconds,
                client.isEmpty() ? 0 : bytes.get() / client.size(), errors.get());
        System.out.printf("# client-measured: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n",
                percentile(client, 50), percentile(client, 95), percentile(client, 99));
        if (serverTimed) {
            System.out.printf("# server time (Server-Timing app;dur): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms — the p95 reported%n",
                    percentile(server, 50), percentile(server, 95), percentile(server, 99));
        } else {
            System.out.printf("# no Server-Timing app;dur on %d of %d answers: the p95 reported is the client-measured time "
                    + "(sending to last byte, incl. queueing on this machine's %d cores shared with the server)%n",
                    withoutTiming.get(), client.size(), Runtime.getRuntime().availableProcessors());
        }
        errorKinds.forEach((k, v) -> System.out.printf("#   %d x %s%n", v.get(), k));
        if (errors.get() > 0 || client.isEmpty()) {
            System.exit(1);
        }
    }

    // ---------------------------------------------------------------- submissions through outages

    /**
     * Each client is one applicant with one Idempotency-Key per submission; a submission is retried with the
     * same key (network error, 5xx, 401 after a restart lost nothing but the app was down) until it gets a
     * 201 or the time is up. Every acknowledged submission (key, case id) is written to OUT_FILE.
     */
    static void submit(String base, int clients, int seconds, Path out) throws Exception {
        Matter matter = matterWithTwoRequiredMaterials(base);
        List<Session> applicants = applicants(base, clients);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        AtomicLong retries = new AtomicLong();
        AtomicLong sameCaseOnRetry = new AtomicLong();
        AtomicLong unfinished = new AtomicLong();
        Map<String, AtomicLong> statuses = new ConcurrentHashMap<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                Session applicant = applicants.get(c);
                futures.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        String key = UUID.randomUUID().toString();
                        boolean retried = false;
                        String caseId = null;
                        while (caseId == null && System.nanoTime() < end + 60_000_000_000L) {
                            Response r;
                            try {
                                r = applicant.multipart("/api/v1/cases", Map.of("matterId", String.valueOf(matter.id)),
                                        matter.files(), key);
                            } catch (RuntimeException e) {
                                r = null;
                            }
                            statuses.computeIfAbsent(r == null ? "no answer" : String.valueOf(r.status), k -> new AtomicLong())
                                    .incrementAndGet();
                            if (r != null && r.status == 201) {
                                Matcher m = ID.matcher(r.body);
                                caseId = m.find() ? m.group(1) : "?";
                            } else {
                                if (r != null && r.status == 401) {
                                    applicant.relogin();
                                }
                                retries.incrementAndGet();
                                retried = true;
                                sleep(200);
                            }
                        }
                        if (caseId == null) {
                            unfinished.incrementAndGet();
                            return null;
                        }
                        acknowledged.put(applicant.username + " " + key, caseId);
                        if (retried) {
                            sameCaseOnRetry.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        Files.write(out, acknowledged.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).sorted().toList());
        System.out.printf("# submissions acknowledged %d (of which retried %d), retries %d, given up %d%n",
                acknowledged.size(), sameCaseOnRetry.get(), retries.get(), unfinished.get());
        System.out.printf("# answers: %s%n", new java.util.TreeMap<>(statuses));
        System.out.printf("RESULT submissions_acknowledged %d count%n", acknowledged.size());
        System.out.printf("RESULT server_errors %d count%n", statuses.getOrDefault("500", new AtomicLong()).get());
    }

    /** Checks OUT_FILE against the applicants' own case lists: each acknowledged case exists exactly once. */
    static void count(String base, Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        Map<String, List<String[]>> byUser = lines.stream().map(l -> l.split(" "))
                .collect(Collectors.groupingBy(p -> p[0]));
        long missing = 0;
        long duplicateIds = lines.size() - lines.stream().map(l -> l.split(" ")[2]).distinct().count();
        long extra = 0;
        for (var e : byUser.entrySet()) {
            Session s = Session.login(base, e.getKey(), null);
            Response mine = s.get("/api/v1/cases/mine");
            List<String> ids = new ArrayList<>();
            Matcher m = ID.matcher(mine.body);
            while (m.find()) {
                ids.add(m.group(1));
            }
            for (String[] ack : e.getValue()) {
                if (!ids.contains(ack[2])) {
                    missing++;
                }
            }
            extra += ids.size() - e.getValue().size();
        }
        System.out.printf("# acknowledged %d, missing %d, duplicate case ids %d, cases beyond the acknowledged ones %d%n",
                lines.size(), missing, duplicateIds, extra);
        System.out.printf("RESULT lost_submissions %d count%n", missing);
        System.out.printf("RESULT duplicated_submissions %d count%n", duplicateIds);
        System.out.printf("RESULT unacknowledged_extra_cases %d count%n", extra);
        if (missing > 0 || duplicateIds > 0) {
            System.exit(1);
        }
    }

    /** A session begun on one node is the same session on the other (Spring Session JDBC); signing out ends it on both. */
    static void sessionSwitch(String baseA, String baseB, String user) {
        Session onA = Session.staff(baseA, user);
        Session onB = new Session(baseB, user);
        onB.cookie = onA.cookie;
        onB.csrf = onA.csrf;
        Response me = onB.get("/api/v1/workbench/tasks");
        Response page = onB.get("/workbench");
        boolean same = me.status == 200 && page.status == 200 && page.body.contains(user);
        Response logout = onB.postForm("/logout", Map.of());
        Response afterOnA = onA.get("/api/v1/workbench/tasks");
        boolean ended = logout.status == 302 && afterOnA.status == 401;
        System.out.printf("# session of %s from node A on node B: tasks %d, page %d (shows the user: %s); sign-out on B: %d, then A answers %d%n",
                user, me.status, page.status, same, logout.status, afterOnA.status);
        System.out.printf("RESULT session_switch %s check%n", same && ended ? "ok" : "FAILED");
        if (!(same && ended)) {
            System.exit(1);
        }
    }

    // ---------------------------------------------------------------- the service hall

    /**
     * 叫号 and 取号 at one hall: one client per window (WINDOW_IDS, comma-separated), the window's staff member the
     * one of USERS (comma-separated staff of the hall, each signed in once; windows share them round-robin when there
     * are fewer). Each client in a loop: "call next" at its window (200 with the ticket, or 204 when nobody waits; the
     * window's previous ticket is finished by it), then a walk-in ticket of the group GENERAL (201), so that the queue
     * stays as long as it was, then a pause. One phase per value of PAUSES_MS (comma-separated), each WARMUP_S not
     * counted + MEASURE_S: a pause drawn evenly from 0 to twice the value (its mean), from a random start; 0 is no
     * pause at all (every window pressing the buttons as fast as the platform answers: the most the hall can take).
     * Times are measured by the client, from sending to the last byte, each operation on its own. RESULT names: a
     * phase with pauses {@code hall_call_next_p95}, {@code hall_ticket_p95}, {@code hall_calls_per_s}; without,
     * the same names with {@code _saturated}. Any other answer is an error (exit 1).
     */
    static void hallQueue(String base, String users, long hallId, String windowIds, int warmup, int measure, String pauses)
            throws Exception {
        List<Long> windows = Arrays.stream(windowIds.split(",")).map(String::strip).filter(w -> !w.isEmpty())
                .map(Long::parseLong).toList();
        List<Session> staff = staffSessions(base, users);
        boolean failed = false;
        for (String pause : pauses.split(",")) {
            failed |= !queuePhase(base, staff, hallId, windows, warmup, measure, Integer.parseInt(pause.strip()));
        }
        if (failed) {
            System.exit(1);
        }
    }

    private static boolean queuePhase(String base, List<Session> staff, long hallId, List<Long> windows, int warmup,
            int measure, int pauseMs) throws Exception {
        String suffix = pauseMs > 0 ? "" : "_saturated";
        List<Long> calls = Collections.synchronizedList(new ArrayList<>());
        List<Long> tickets = Collections.synchronizedList(new ArrayList<>());
        AtomicLong called = new AtomicLong();
        AtomicLong nobody = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        Map<String, AtomicInteger> errorKinds = new ConcurrentHashMap<>();
        String ticketPath = "/api/v1/halls/" + hallId + "/tickets";
        double[] callTimer0 = serverTimer(base, "/api/v1/windows/", 200);
        double[] ticketTimer0 = serverTimer(base, "/api/v1/halls/", 201);
        long warmupEnd = System.nanoTime() + warmup * 1_000_000_000L;
        long end = warmupEnd + measure * 1_000_000_000L;
        try (ExecutorService pool = Executors.newFixedThreadPool(windows.size())) {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < windows.size(); i++) {
                long window = windows.get(i);
                Session s = staff.get(i % staff.size());
                String callPath = "/api/v1/windows/" + window + "/call-next";
                futures.add(pool.submit(() -> {
                    java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
                    if (pauseMs > 0) {
                        sleep(random.nextLong(2L * pauseMs + 1));
                    }
                    while (System.nanoTime() < end) {
                        try {
                            long t0 = System.nanoTime();
                            Response call = s.postJson(callPath, "");
                            long t1 = System.nanoTime();
                            if (call.status != 200 && call.status != 204) {
                                expect(call, 200, "call next at window " + window, null);
                            }
                            Response ticket = s.postJson(ticketPath, "{\"groupCode\":\"GENERAL\"}");
                            long t2 = System.nanoTime();
                            expect(ticket, 201, "ticket", null);
                            if (t0 >= warmupEnd && t2 < end) {
                                calls.add(t1 - t0);
                                tickets.add(t2 - t1);
                                (call.status == 200 ? called : nobody).incrementAndGet();
                            }
                        } catch (RuntimeException e) {
                            errors.incrementAndGet();
                            errorKinds.computeIfAbsent(String.valueOf(e.getMessage()).lines().findFirst().orElse(""),
                                    k -> new AtomicInteger()).incrementAndGet();
                            sleep(100);
                        }
                        if (pauseMs > 0) {
                            sleep(random.nextLong(2L * pauseMs + 1));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        System.out.printf("RESULT hall_call_next%s_p95 %.1f ms%n", suffix, percentile(calls, 95));
        System.out.printf("RESULT hall_ticket%s_p95 %.1f ms%n", suffix, percentile(tickets, 95));
        System.out.printf("RESULT hall_calls%s_per_s %.1f calls/s%n", suffix, calls.size() / (double) measure);
        System.out.printf("# hall %d, %d windows, %d staff sessions, %s, %d s (after %d s warm-up): %d calls (%.1f/s; %d called a "
                        + "ticket, %d found nobody waiting), %d tickets issued, %d errors%n", hallId, windows.size(), staff.size(),
                pauseMs > 0 ? "a pause of 0–" + 2 * pauseMs + " ms (mean " + pauseMs + " ms) after each call and ticket"
                        : "no pauses", measure, warmup, calls.size(), calls.size() / (double) measure, called.get(), nobody.get(),
                tickets.size(), errors.get());
        System.out.printf("# call next: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (client-measured)%n",
                percentile(calls, 50), percentile(calls, 95), percentile(calls, 99), percentile(calls, 100));
        System.out.printf("# ticket:    p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (client-measured)%n",
                percentile(tickets, 50), percentile(tickets, 95), percentile(tickets, 99), percentile(tickets, 100));
        double[] callTimer1 = serverTimer(base, "/api/v1/windows/", 200);
        double[] ticketTimer1 = serverTimer(base, "/api/v1/halls/", 201);
        System.out.printf("# the platform's own mean time (Micrometer http.server.requests, warm-up included): call next %s, ticket %s%n",
                timerMean(callTimer0, callTimer1), timerMean(ticketTimer0, ticketTimer1));
        errorKinds.forEach((k, v) -> System.out.printf("#   %d x %s%n", v.get(), k));
        return errors.get() == 0 && !calls.isEmpty();
    }

    /**
     * Clients racing for the last places of one slot: staff with hall:book (USERS, comma-separated, each signed in
     * once, the bookings spread over their sessions round-robin) book the slot for each account of ACCOUNTS_FILE (one
     * id a line), every booking a client thread of its own, all released at the same moment. Each answer must be 201 (booked) or 422 (the slot is full); the number of each, the p95 of
     * the booking call (client-measured, the whole crowd at once) and the answers are printed. Whether the slot was
     * overbooked is for the database to tell (bench/run.sh counts the appointments). Any other answer: exit 1.
     */
    static void hallRace(String base, String users, long slotId, Path accountsFile) throws Exception {
        List<Long> accounts = Files.readAllLines(accountsFile).stream().map(String::strip).filter(l -> !l.isEmpty())
                .map(Long::parseLong).toList();
        List<Session> staff = staffSessions(base, users);
        int n = accounts.size();
        java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(n);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<Long> times = Collections.synchronizedList(new ArrayList<>());
        Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> unexpected = new ConcurrentHashMap<>();
        long start;
        try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                long account = accounts.get(i);
                Session s = staff.get(i % staff.size());
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    long t0 = System.nanoTime();
                    String answer;
                    try {
                        Response r = s.postJson("/api/v1/appointments/for-applicant",
                                "{\"accountId\":" + account + ",\"slotId\":" + slotId + "}");
                        answer = String.valueOf(r.status);
                        if (r.status != 201 && r.status != 422) {
                            unexpected.computeIfAbsent(r.status + ": " + r.body.substring(0, Math.min(200, r.body.length()))
                                    .replace('\n', ' '), k -> new AtomicInteger()).incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        answer = "no answer";
                        unexpected.computeIfAbsent(String.valueOf(e.getMessage()).lines().findFirst().orElse(""),
                                k -> new AtomicInteger()).incrementAndGet();
                    }
                    times.add(System.nanoTime() - t0);
                    answers.computeIfAbsent(answer, k -> new AtomicInteger()).incrementAndGet();
                    return null;
                }));
            }
            ready.await();
            start = System.nanoTime();
            go.countDown();
            for (Future<?> f : futures) {
                f.get();
            }
        }
        long took = System.nanoTime() - start;
        int won = answers.getOrDefault("201", new AtomicInteger()).get();
        int full = answers.getOrDefault("422", new AtomicInteger()).get();
        long serverErrors = answers.entrySet().stream().filter(e -> e.getKey().startsWith("5"))
                .mapToLong(e -> e.getValue().get()).sum();
        System.out.printf("RESULT hall_booking_won %d count%n", won);
        System.out.printf("RESULT hall_booking_full %d count%n", full);
        System.out.printf("RESULT hall_booking_server_errors %d count%n", serverErrors);
        System.out.printf("RESULT hall_booking_p95 %.1f ms%n", percentile(times, 95));
        System.out.printf("# slot %d: %d bookings at once in %d staff sessions, all answered in %.0f ms: %s; p50 %.1f ms, p95 %.1f ms, "
                        + "max %.1f ms (client-measured)%n", slotId, n, staff.size(), took / 1e6, new java.util.TreeMap<>(answers),
                percentile(times, 50), percentile(times, 95), percentile(times, 100));
        unexpected.forEach((k, v) -> System.out.printf("#   %d x %s%n", v.get(), k));
        if (!unexpected.isEmpty()) {
            System.exit(1);
        }
    }

    /**
     * Count and sum (seconds) of the platform's own timer of its answers of a status to the paths under a prefix
     * (Micrometer {@code http_server_requests_seconds} at /actuator/prometheus, by URI template); zeros if not there.
     */
    static double[] serverTimer(String base, String uriPrefix, int status) {
        double[] countAndSum = new double[2];
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"))
                    .header("Accept", "text/plain").timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            for (String line : r.statusCode() == 200 ? r.body().split("\n") : new String[0]) {
                if (line.contains("uri=\"" + uriPrefix) && line.contains("status=\"" + status + "\"")) {
                    double v = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    if (line.startsWith("http_server_requests_seconds_count")) {
                        countAndSum[0] += v;
                    } else if (line.startsWith("http_server_requests_seconds_sum")) {
                        countAndSum[1] += v;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // no figures: said so below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return countAndSum;
    }

    static String timerMean(double[] before, double[] after) {
        double n = after[0] - before[0];
        return n <= 0 ? "not available" : String.format(Locale.ROOT, "%.1f ms over %.0f answers", (after[1] - before[1]) * 1000 / n, n);
    }

    /** Each of USERS (comma-separated staff with their demo TOTP secrets) signed in, in parallel (one TOTP step). */
    static List<Session> staffSessions(String base, String users) throws Exception {
        List<String> names = Arrays.stream(users.split(",")).map(String::strip).filter(u -> !u.isEmpty()).toList();
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(names.size(), 8))) {
            List<Future<Session>> futures = new ArrayList<>();
            for (String name : names) {
                futures.add(pool.submit(() -> Session.staff(base, name)));
            }
            List<Session> sessions = new ArrayList<>();
            for (Future<Session> f : futures) {
                sessions.add(f.get());
            }
            return sessions;
        }
    }

    // ---------------------------------------------------------------- HTTP

    record Response(int status, String body, HttpResponse<String> raw) {
        String location() {
            return raw.headers().firstValue("Location").orElse("");
        }
    }

    static String expect(Response r, int status, String step, Pattern idPattern) {
        if (r.status != status) {
            throw new IllegalStateException(step + " answered " + r.status + ": "
                    + r.body.substring(0, Math.min(300, r.body.length())).replace('\n', ' '));
        }
        if (idPattern == null) {
            return null;
        }
        Matcher m = idPattern.matcher(r.body);
        if (!m.find()) {
            throw new IllegalStateException(step + " answered without an id: " + r.body);
        }
        return m.group(1);
    }

    /** One signed-in (or anonymous) user: its session cookie and CSRF token. */
    static final class Session {
        final String base;
        final String username;
        volatile String cookie;
        volatile String csrf;

        private Session(String base, String username) {
            this.base = base;
            this.username = username;
        }

        static Session anonymous(String base) {
            return new Session(base, null);
        }

        static Session staff(String base, String username) {
            return login(base, username, demoSecret(username));
        }

        /** Password (and TOTP for staff: a used time step is refused, so wait for the next one). */
        static Session login(String base, String username, String totpSecret) {
            for (int attempt = 0; attempt < 4; attempt++) {
                Session s = new Session(base, username);
                s.get("/login");
                Response password = s.postForm("/login", Map.of("username", username, "password", PASSWORD));
                if (password.status != 302 || password.location().contains("error")) {
                    throw new IllegalStateException("login of " + username + " refused: " + password.status + " " + password.location());
                }
                if (password.location().endsWith("/login/totp")) {
                    s.get("/login/totp");
                    long step = System.currentTimeMillis() / 30_000;
                    Response code = s.postForm("/login/totp", Map.of("code", totp(totpSecret, step)));
                    if (code.status != 302 || code.location().contains("totp")) {
                        sleep(30_000 - System.currentTimeMillis() % 30_000 + 200);
                        continue;
                    }
                }
                s.get(totpSecret == null ? "/me" : "/workbench");
                if (s.csrf == null) {
                    throw new IllegalStateException("no CSRF token for " + username);
                }
                return s;
            }
            throw new IllegalStateException("TOTP login of " + username + " kept failing");
        }

        void relogin() {
            Session fresh = login(base, username, null);
            cookie = fresh.cookie;
            csrf = fresh.csrf;
        }

        Response get(String path) {
            Response r = send(HttpRequest.newBuilder(URI.create(base + path)).GET()
                    .header("Accept", path.startsWith("/api/") ? "application/json" : "text/html"));
            Matcher m = CSRF.matcher(r.body);
            if (m.find()) {
                csrf = m.group(1);
            }
            return r;
        }

        /** A file: any content type accepted, bytes kept, up to 10 minutes. */
        HttpResponse<byte[]> download(String path) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET().header("Accept", "*/*")
                    .timeout(Duration.ofMinutes(10));
            if (cookie != null) {
                b.header("Cookie", "SESSION=" + cookie);
            }
            try {
                return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                throw new IllegalStateException("I/O: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        Response postForm(String path, Map<String, String> fields) {
            Map<String, String> all = new LinkedHashMap<>(fields);
            if (csrf != null) {
                all.put("_csrf", csrf);
            }
            String body = all.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                    .collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        Response postJson(String path, String json) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
            if (!json.isEmpty()) {
                b.header("Content-Type", "application/json");
            }
            return send(b.POST(HttpRequest.BodyPublishers.ofString(json)));
        }

        Response multipart(String path, Map<String, String> fields, Map<String, byte[]> files, String idempotencyKey) {
            String boundary = "----bench" + UUID.randomUUID().toString().replace("-", "");
            List<byte[]> parts = new ArrayList<>();
            for (var f : fields.entrySet()) {
                parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                        + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            for (var f : files.entrySet()) {
                parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file." + f.getKey()
                        + "\"; filename=\"" + f.getKey() + ".pdf\"\r\nContent-Type: application/pdf\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                parts.add(f.getValue());
                parts.add("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            parts.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArrays(parts));
            if (idempotencyKey != null) {
                b.header("Idempotency-Key", idempotencyKey);
            }
            return send(b);
        }

        private Response send(HttpRequest.Builder b) {
            if (cookie != null) {
                b.header("Cookie", "SESSION=" + cookie);
            }
            if (csrf != null) {
                b.header("X-CSRF-TOKEN", csrf);
            }
            b.timeout(Duration.ofSeconds(60));
            try {
                HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
                for (String c : r.headers().allValues("Set-Cookie")) {
                    if (c.startsWith("SESSION=")) {
                        cookie = c.substring(8, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'));
                    }
                }
                return new Response(r.statusCode(), r.body(), r);
            } catch (IOException e) {
                throw new IllegalStateException("I/O: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    static String demoSecret(String username) {
        String letters = username.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
        return ("DEMO" + letters + "A".repeat(32)).substring(0, 32);
    }

    /** RFC 6238 TOTP (SHA-1, 6 digits, 30 s) of a base32 secret. */
    static String totp(String base32, long step) {
        try {
            byte[] key = base32(base32);
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] h = mac.doFinal(java.nio.ByteBuffer.allocate(8).putLong(step).array());
            int o = h[h.length - 1] & 0xf;
            int bin = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
            return String.format("%06d", bin % 1_000_000);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] base32(String s) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        byte[] out = new byte[s.length() * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int n = 0;
        for (char c : s.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out[n++] = (byte) (buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return Arrays.copyOf(out, n);
    }

    static double percentile(List<Long> nanos, int p) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, i)) / 1e6;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
